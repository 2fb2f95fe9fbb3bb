# Test stand-in for eclipse-temurin:17-jdk-noble (the Dockerfile's build stage), built by
# docker/test-stack.sh because no image registry is reachable from CI: Debian's OpenJDK 17 on a
# debootstrap'd bookworm. Like Temurin's image: java/javac on the PATH, JAVA_HOME set, curl (the
# Maven wrapper downloads Maven with it), CA certificates.
# certs/: the CI host's extra CA certificates, so that the build stage reaches Maven Central from
# this machine. Test set-up only: never put them into docker/Dockerfile.
FROM construisons-ci/debian:bookworm
COPY certs/ /usr/local/share/ca-certificates/
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates curl openjdk-17-jdk-headless \
 && update-ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
    LANG=C.UTF-8
