# Test stand-in for axllent/mailpit, built by docker/test-stack.sh because no image registry is
# reachable from CI: not Mailpit, but a small mail catcher (mailcatcher.py, Debian's python3 and
# python3-aiosmtpd) that does the two things the stack and its test need from Mailpit: accept every
# mail on SMTP port 1025 without authentication, and list them on port 8025 with the part of
# Mailpit's HTTP API the test reads (GET/DELETE /api/v1/messages). It has no web UI.
FROM construisons-ci/debian:bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-aiosmtpd \
 && rm -rf /var/lib/apt/lists/*
COPY mailcatcher.py /usr/local/bin/mailcatcher.py
USER nobody
EXPOSE 1025 8025
CMD ["python3", "-u", "/usr/local/bin/mailcatcher.py"]
