# Test stand-in for postgres:15, built by docker/test-stack.sh because no image registry is
# reachable from CI: Debian bookworm's PostgreSQL 15 with an entry point that does what the
# official image's does for docker-compose.yml: on an empty /var/lib/postgresql/data (a volume)
# it creates the cluster, the POSTGRES_USER superuser with POSTGRES_PASSWORD and the POSTGRES_DB
# database, then serves on 5432 for every address with password authentication; on a filled one
# it just serves. pg_isready, psql, pg_dump and pg_restore are on the PATH, as there.
FROM construisons-ci/debian:bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql \
 && chmod 700 /var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:$PATH \
    PGDATA=/var/lib/postgresql/data \
    LANG=C.UTF-8
VOLUME /var/lib/postgresql/data
USER postgres
EXPOSE 5432
STOPSIGNAL SIGINT
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["postgres"]
