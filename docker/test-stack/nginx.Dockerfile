# Test stand-in for nginx:1.27-alpine, built by docker/test-stack.sh because no image registry is
# reachable from CI: Debian bookworm's nginx (1.22) set up like the official image: the main
# configuration includes /etc/nginx/conf.d/*.conf inside `http` (docker-compose.yml mounts
# docker/nginx.conf there), logs go to the container's output, nginx runs in the foreground.
# docker/nginx.conf uses nothing newer than 1.22 (hash consistent, $request_id, keepalive).
FROM construisons-ci/debian:bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* /etc/nginx/conf.d/* \
 && ln -sf /dev/stdout /var/log/nginx/access.log \
 && ln -sf /dev/stderr /var/log/nginx/error.log
COPY nginx-main.conf /etc/nginx/nginx.conf
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
