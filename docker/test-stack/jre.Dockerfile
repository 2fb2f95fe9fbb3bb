# Test stand-in for eclipse-temurin:17-jre-noble (the image's run stage), built by
# docker/test-stack.sh because no image registry is reachable from CI: Debian's headless OpenJDK 17
# runtime on a debootstrap'd bookworm. Like Temurin's JRE image: java on the PATH, JAVA_HOME set,
# groupadd/useradd present (the run stage creates its user with them), no compiler, no curl.
FROM construisons-ci/debian:bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates openjdk-17-jre-headless tzdata \
 && rm -rf /var/lib/apt/lists/*
ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
    LANG=C.UTF-8
