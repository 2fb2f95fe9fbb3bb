#!/bin/sh
# Entry point of the postgres:15 test stand-in (see postgres.Dockerfile): the part of the official
# image's docker-entrypoint.sh that docker-compose.yml relies on.
set -eu
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set, as the official image requires}"
POSTGRES_USER="${POSTGRES_USER:-postgres}"
POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 -D "$PGDATA"
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  # The set-up server listens on no TCP port and on a private socket, so that neither the
  # health check (pg_isready on the default socket) nor a client sees it before it is done.
  mkdir -p /tmp/pg-init
  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=/tmp/pg-init" start
  if [ "$POSTGRES_DB" != postgres ]; then
    psql -h /tmp/pg-init -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres \
      -c "create database \"$POSTGRES_DB\""
  fi
  pg_ctl -D "$PGDATA" -w -m fast stop
fi

if [ "${1:-}" = postgres ]; then
  shift
  exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
fi
exec "$@"
