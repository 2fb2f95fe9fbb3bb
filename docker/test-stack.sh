#!/usr/bin/env bash
# Runs docker/Dockerfile and docker/docker-compose.yml for real on this machine and checks the
# running two-node stack: image build, non-root user, health states, an idea through nginx into
# PostgreSQL and the mail catcher, sticky sessions, a killed node, down/up keeping the volume, a
# node-by-node upgrade with a changed model, a pg_dump restored into a fresh stack.
#
# No image registry is reachable from CI: the upstream images the files name are replaced by local
# stand-ins built from Debian packages and tagged with the upstream names (docker/test-stack/,
# each file says what it stands in for). The project's Dockerfile and compose file run unchanged;
# docker/test-stack/compose.override.yml holds what this machine forces.
#
# Root, Debian 12. Installs docker.io, docker-compose (v1, 1.29) and debootstrap and starts dockerd
# when they are absent. Cache (kept between runs): the debootstrap tarball under
# $CONSTRUISONS_CI_CACHE (default /var/cache/construisons-ci), the stand-in images (rebuilt only
# when their build files change: label construisons.ci.hash) and Docker's layer cache for the
# application image. Each run uses its own compose project names and removes their containers,
# networks and volumes at the end, failed or not.
#
# Prints "[stack] <check>: OK (<figure>)" per check; any failed check stops the run (exit 1).
set -euo pipefail

SCRIPT_START=$(date +%s)
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
STANDINS="$REPO_ROOT/docker/test-stack"
CACHE="${CONSTRUISONS_CI_CACHE:-/var/cache/construisons-ci}"
RUN_ID="$(date +%s)$$"
PROJECT="cstack${RUN_ID}"
RESTORED_PROJECT="cstack${RUN_ID}r"
WORK="$(mktemp -d /tmp/construisons-stack.XXXXXX)"
TAG=stack-test
UPGRADE_TAG=stack-test-upgrade
# The classic builder: BuildKit would fetch the Dockerfile's `# syntax=docker/dockerfile:1`
# frontend from Docker Hub, which is not reachable here (the classic builder ignores that line).
export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0

log() { echo "[stack] $*"; }
ok() { echo "[stack] $1: OK ($2)"; }
fail() {
  echo "[stack] $1: FAILED (${2:-})" >&2
  exit 1
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
client() { python3 "$STANDINS/client.py" "$@"; }

# ------------------------------------------------------------------------------------------------
# Docker engine
# ------------------------------------------------------------------------------------------------
if ! command -v dockerd >/dev/null || ! command -v docker-compose >/dev/null || ! command -v debootstrap >/dev/null; then
  log "installing docker.io, docker-compose and debootstrap from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends docker.io docker-compose debootstrap
fi
mkdir -p "$CACHE"
if ! docker info >/dev/null 2>&1; then
  # No iptables rules, no masquerading, no default bridge: containers reach nothing outside this
  # machine; the compose file's own networks (user-defined bridges) still connect them to each
  # other and to the host, and builds use --network host for apt and Maven Central.
  log "starting dockerd (log: $CACHE/dockerd.log)"
  dockerd --bridge=none --iptables=false --ip-masq=false >>"$CACHE/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || fail "Docker engine" "dockerd did not answer within 60 s, see $CACHE/dockerd.log"
fi
log "engine $(docker version --format '{{.Server.Version}}'), $(docker-compose version --short 2>/dev/null | sed 's/^/docker-compose /')"

# ------------------------------------------------------------------------------------------------
# Clean-up: this run's projects (containers, networks, volumes); images stay as the cache.
# ------------------------------------------------------------------------------------------------
ENV_FILE="$WORK/stack.env"
RESTORED_ENV_FILE="$WORK/restored.env"
compose_files=(-f docker/docker-compose.yml)
[[ -f "$STANDINS/compose.override.yml" ]] && compose_files+=(-f "$STANDINS/compose.override.yml")
stack() { docker-compose -p "$PROJECT" --env-file "$ENV_FILE" "${compose_files[@]}" "$@"; }
restored() { docker-compose -p "$RESTORED_PROJECT" --env-file "$RESTORED_ENV_FILE" "${compose_files[@]}" "$@"; }
cleanup() {
  local rc=$?
  set +e
  [[ -f "$WORK/stop-poller" ]] || touch "$WORK/stop-poller"
  if [[ $rc -ne 0 ]]; then
    log "failed: last logs of the nodes"
    [[ -f "$ENV_FILE" ]] && stack logs --no-color --tail=40 app1 app2 proxy 2>/dev/null | tail -120
  fi
  [[ -f "$ENV_FILE" ]] && stack down -v --remove-orphans >/dev/null 2>&1
  [[ -f "$RESTORED_ENV_FILE" ]] && restored down -v --remove-orphans >/dev/null 2>&1
  rm -rf "$WORK"
  log "total $(( $(date +%s) - SCRIPT_START )) s, exit $rc"
  exit $rc
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------------------
# Stand-in images
# ------------------------------------------------------------------------------------------------
BASE_IMAGE=construisons-ci/debian:bookworm
if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  if [[ ! -s "$CACHE/bookworm-minbase.tar" ]]; then
    started=$(now)
    log "debootstrap --variant=minbase bookworm (once; kept in $CACHE)"
    rm -rf "$CACHE/rootfs.tmp"
    debootstrap --variant=minbase bookworm "$CACHE/rootfs.tmp" >"$CACHE/debootstrap.log" 2>&1 \
      || fail "debootstrap" "see $CACHE/debootstrap.log"
    tar -C "$CACHE/rootfs.tmp" -c . >"$CACHE/bookworm-minbase.tar.tmp"
    mv "$CACHE/bookworm-minbase.tar.tmp" "$CACHE/bookworm-minbase.tar"
    rm -rf "$CACHE/rootfs.tmp"
    log "debootstrap took $(since "$started") s"
  fi
  docker import "$CACHE/bookworm-minbase.tar" "$BASE_IMAGE" >/dev/null
fi
BASE_ID=$(docker image inspect --format '{{.Id}}' "$BASE_IMAGE")

# The host's extra CA certificates (those update-ca-certificates adds to Debian's store here) go
# into the JDK stand-in only: its containers reach Maven Central through this machine's TLS set-up.
mkdir -p "$WORK/certs"
cp /usr/local/share/ca-certificates/*.crt "$WORK/certs/" 2>/dev/null || true

# build_standin <tag> <dockerfile> [files copied into its context...]
build_standin() {
  local tag=$1 dockerfile=$2
  shift 2
  local context="$WORK/context-${dockerfile%.Dockerfile}"
  mkdir -p "$context"
  cp "$STANDINS/$dockerfile" "$context/Dockerfile"
  local file
  for file in "$@"; do
    cp -r "$file" "$context/"
  done
  local hash
  hash=$( (echo "$BASE_ID"; cd "$context" && find . -type f | LC_ALL=C sort | xargs sha256sum) | sha256sum | cut -c1-16)
  if [[ "$(docker image inspect --format '{{index .Config.Labels "construisons.ci.hash"}}' "$tag" 2>/dev/null)" == "$hash" ]]; then
    log "stand-in $tag: cached ($hash)"
    return
  fi
  local started
  started=$(now)
  docker build --network host --label "construisons.ci.hash=$hash" -t "$tag" "$context" >"$WORK/build-$dockerfile.log" 2>&1 \
    || { tail -30 "$WORK/build-$dockerfile.log"; fail "stand-in $tag" "docker build failed"; }
  log "stand-in $tag: built in $(since "$started") s ($hash)"
}
started=$(now)
build_standin eclipse-temurin:17-jdk-noble jdk.Dockerfile "$WORK/certs"
build_standin eclipse-temurin:17-jre-noble jre.Dockerfile
build_standin postgres:15 postgres.Dockerfile "$STANDINS/postgres-entrypoint.sh"
build_standin nginx:1.27-alpine nginx.Dockerfile "$STANDINS/nginx-main.conf"
build_standin axllent/mailpit:latest mailpit.Dockerfile "$STANDINS/mailcatcher.py"
ok "stand-in images" "$(since "$started") s"

# ------------------------------------------------------------------------------------------------
# 1. The application image, with the Dockerfile's own build stage (the command its header gives;
#    --network host: build containers have no other way out, see compose.override.yml).
# ------------------------------------------------------------------------------------------------
started=$(now)
docker build --network host -f docker/Dockerfile -t "construisons:$TAG" . >"$WORK/build-app.log" 2>&1 \
  || { tail -40 "$WORK/build-app.log"; fail "image build" "docker build -f docker/Dockerfile failed"; }
BUILD_SECS=$(since "$started")
grep -q 'BUILD SUCCESS' "$WORK/build-app.log" && BUILT="Maven package ran" || BUILT="all layers cached"
IMAGE_MB=$(( $(docker image inspect --format '{{.Size}}' "construisons:$TAG") / 1000000 ))
ok "image build" "$BUILD_SECS s, $BUILT, construisons:$TAG $IMAGE_MB MB"

# ------------------------------------------------------------------------------------------------
# The stack: the compose file's variables in an env file of this run (docker/.env.example's
# names), free host ports so that concurrent builds do not collide.
# ------------------------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ADMIN_PASSWORD="Pile-Essai-$(date +%Y)!"
AGENT_PASSWORD="Essai-Agents-$(date +%Y)!"
write_env() {
  local file=$1 http_port=$2 mail_port=$3
  cat >"$file" <<EOF
POSTGRES_DB=construisons
POSTGRES_USER=construisons
POSTGRES_PASSWORD=db-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
CONSTRUISONS_ADMIN_ID=admin
CONSTRUISONS_ADMIN_PASSWORD=$ADMIN_PASSWORD
CONSTRUISONS_BASE_URL=http://localhost:$http_port
CONSTRUISONS_IMAGE_TAG=$TAG
CONSTRUISONS_HTTP_PORT=$http_port
MAILPIT_UI_PORT=$mail_port
EOF
}
HTTP_PORT=$(free_port)
MAIL_PORT=$(free_port)
write_env "$ENV_FILE" "$HTTP_PORT" "$MAIL_PORT"
BASE="http://127.0.0.1:$HTTP_PORT"
MAIL_API="http://127.0.0.1:$MAIL_PORT"

container() { stack ps -q "$1"; }
health() { docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$1" 2>/dev/null || echo gone; }
# wait_healthy <seconds> <container id>...: Docker's own health state, as depends_on sees it.
wait_healthy() {
  local limit=$1 id
  shift
  local deadline=$(( $(date +%s) + limit ))
  for id in "$@"; do
    while [[ "$(health "$id")" != healthy ]]; do
      [[ $(date +%s) -lt $deadline ]] || { docker logs --tail 60 "$id" 2>&1; fail "healthy" "$id is $(health "$id") after $limit s"; }
      sleep 2
    done
  done
}
node_ip() { docker inspect --format "{{(index .NetworkSettings.Networks \"${PROJECT}_frontend\").IPAddress}}" "$1"; }
# nginx resolves app1 and app2 when it (re)loads its configuration: after a node is recreated
# (new container, maybe a new address) reload it; a reload finishes the requests under way.
reload_proxy() { docker exec "$(container proxy)" nginx -s reload >/dev/null; }
started_in() { docker logs "$1" 2>&1 | sed -n 's/.*Started [A-Za-z]* in \([0-9.]*\) seconds.*/\1/p' | tail -1; }

started=$(now)
stack up -d --no-build >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log"; fail "compose up" "docker-compose up failed"; }
APP1=$(container app1)
APP2=$(container app2)
PG=$(container postgres)
wait_healthy 420 "$APP1" "$APP2"
ok "both nodes healthy" "$(since "$started") s from compose up to app2 healthy (app2 starts once app1 is healthy); Spring Boot started in $(started_in "$APP1") s and $(started_in "$APP2") s"

# ------------------------------------------------------------------------------------------------
# 2. The nodes: non-root user, read-only root file system, no capabilities, memory limit.
# ------------------------------------------------------------------------------------------------
for id in "$APP1" "$APP2"; do
  uid=$(docker exec "$id" id -u)
  [[ "$uid" == 10001 ]] || fail "non-root user" "uid $uid in $id"
  [[ "$(docker inspect --format '{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.CapDrop}}' "$id")" == "true [ALL]" ]] \
    || fail "non-root user" "$id: not read-only or capabilities kept"
done
ok "non-root user" "uid $(docker exec "$APP1" id -u) gid $(docker exec "$APP1" id -g) in both nodes, read-only root, capabilities dropped"
MEMORY_LIMIT=$(docker inspect --format '{{.HostConfig.Memory}}' "$APP1")
[[ "$MEMORY_LIMIT" == $((1536 * 1024 * 1024)) ]] || fail "memory limit" "app1's limit is $MEMORY_LIMIT bytes, not 1536m"
HEAP=$(docker exec "$APP1" sh -c 'java -XX:MaxRAMPercentage=75 -XX:+PrintFlagsFinal -version 2>/dev/null' | awk '$2 == "MaxHeapSize" { printf "%d", $4 / 1048576 }')
ok "memory limit" "1536 MiB per node from deploy.resources.limits, max heap $HEAP MiB"

# ------------------------------------------------------------------------------------------------
# 3. Through nginx: passwords, sign-in, an idea, the clarification call; PostgreSQL; the mails.
# ------------------------------------------------------------------------------------------------
# docker/organisation.example.yml's agents have no password: the administrator gives them one,
# as Admin does. emma: an agent (education); julie: team Construisons! (clarification calls).
client set-passwords "$BASE" admin "$ADMIN_PASSWORD" "$AGENT_PASSWORD" emma julie thomas >/dev/null \
  || fail "passwords" "the administrator could not set the agents' passwords"
started=$(now)
client sign-in "$BASE" emma "$AGENT_PASSWORD" >/dev/null || fail "sign-in" "emma could not sign in through nginx"
read -r INSTANCE1 REF1 < <(client submit "$BASE" emma "$AGENT_PASSWORD" "Idée Docker n° 1") || fail "idea" "submission refused"
client clarify "$BASE" julie "$AGENT_PASSWORD" "$INSTANCE1" >/dev/null || fail "clarification" "julie could not complete $REF1's call"
ok "sign-in, idea, clarification through nginx" "$(since "$started") s, $REF1"

psql_stack() { docker exec "$(container postgres)" psql -U construisons -d construisons -Atc "$1"; }
STAGE1=$(psql_stack "select stage from idea where reference = '$REF1'")
[[ -n "$STAGE1" ]] || fail "idea in PostgreSQL" "no row for $REF1"
ok "idea in PostgreSQL" "$REF1 stage $STAGE1"

ack_mail() { echo "emma.roussel@departement.example|[Construisons!] Votre idée $1 a bien été déposée"; }
team_mail() { echo "[Construisons!] Nouvelle idée $1 à clarifier"; }
review_mail() { echo "emma.roussel@departement.example|[Construisons!] Votre idée $1 passe en revue en direction générale"; }
general_management_mail() { echo "nadia.lefevre@departement.example|[Construisons!] Idée $1 à évaluer en direction générale"; }
started=$(now)
# Submission: the agent's acknowledgement and the team's notice; the call done (FITS): the agent's
# review mail and general management's request (the four mails TwoNodeClusterIT counts per idea).
MAILS=$(client mails "$MAIL_API" 90 "$(ack_mail "$REF1")" "$(team_mail "$REF1")" "$(review_mail "$REF1")" \
  "$(general_management_mail "$REF1")") || fail "mails" "see above"
[[ "$MAILS" == 4 ]] || fail "mails" "$MAILS mails in the catcher, 4 expected"
ok "mails in the catcher" "acknowledgement, team notice, review mail and general management's request of $REF1 within $(since "$started") s, $MAILS in all"

# ------------------------------------------------------------------------------------------------
# 4. Sticky sessions
# ------------------------------------------------------------------------------------------------
NODES="construisons-1=$(node_ip "$APP1") construisons-2=$(node_ip "$APP2")"
read -r STICKY_NODE LANDED ELSEWHERE ROUTE < <(client sticky "$BASE" emma "$AGENT_PASSWORD" 20 $NODES) \
  || fail "sticky sessions" "see above"
ok "sticky sessions" "$LANDED/20 requests with cookie construisons_route reached the session on $STICKY_NODE; $ELSEWHERE/20 with random route cookies did not"

# ------------------------------------------------------------------------------------------------
# 5. docker kill of one node: the other serves and finishes the jobs of an idea submitted meanwhile.
# ------------------------------------------------------------------------------------------------
[[ "$STICKY_NODE" == construisons-1 ]] && { KILLED=app1; KEPT=app2; } || { KILLED=app2; KEPT=app1; }
KILLED_ID=$(container $KILLED)
docker kill "$KILLED_ID" >/dev/null
started=$(now)
read -r INSTANCE2 REF2 < <(client submit "$BASE" emma "$AGENT_PASSWORD" "Idée Docker n° 2") || fail "node killed" "submission refused with $KILLED dead"
client mails "$MAIL_API" 120 "$(ack_mail "$REF2")" "$(team_mail "$REF2")" >/dev/null || fail "node killed" "$REF2's mails missing"
client sign-in "$BASE" emma "$AGENT_PASSWORD" >/dev/null || fail "node killed" "no sign-in with $KILLED dead"
ok "docker kill $KILLED" "$KEPT took $REF2 and sent its two mails in $(since "$started") s; $KILLED: $(docker inspect --format '{{.State.Status}}, exit {{.State.ExitCode}}' "$KILLED_ID")"
# restart: unless-stopped does not bring it back: Docker counts `docker kill` as a manual stop (a
# JVM that exits on its own, e.g. -XX:+ExitOnOutOfMemoryError, is restarted). The down/up below
# starts it again.

# ------------------------------------------------------------------------------------------------
# 6. docker-compose down, then up: the volume keeps the data.
# ------------------------------------------------------------------------------------------------
started=$(now)
stack down >/dev/null 2>&1
stack up -d --no-build >"$WORK/up2.log" 2>&1 || { cat "$WORK/up2.log"; fail "down/up" "docker-compose up failed"; }
wait_healthy 420 "$(container app1)" "$(container app2)"
KEPT_REFS=$(psql_stack "select count(*) from idea where reference in ('$REF1', '$REF2')")
[[ "$KEPT_REFS" == 2 ]] || fail "down/up" "$KEPT_REFS of $REF1, $REF2 left after down/up"
client sign-in "$BASE" emma "$AGENT_PASSWORD" >/dev/null || fail "down/up" "emma's password lost"
ok "down, up: data kept" "$REF1 and $REF2 and emma's password there after $(since "$started") s"

# ------------------------------------------------------------------------------------------------
# 7. Upgrade: a new image with a changed model, rolled out node by node, nginx polled throughout.
# ------------------------------------------------------------------------------------------------
OLD_LABEL="Mener l'appel de clarification"
NEW_LABEL="Conduire l'appel de clarification"
read -r INSTANCE3 REF3 < <(client submit "$BASE" emma "$AGENT_PASSWORD" "Idée Docker n° 3 (avant la mise à jour)") \
  || fail "upgrade" "submission refused"
# Task names are the model's label followed by the idea (TaskNamesTellTheIdea).
TASK3=$(client task-name "$BASE" julie "$AGENT_PASSWORD" "$INSTANCE3")
[[ "$TASK3" == "$OLD_LABEL"* ]] || fail "upgrade" "task « $TASK3 » before the upgrade"
UPGRADE_CONTEXT="$WORK/upgrade-context"
mkdir -p "$UPGRADE_CONTEXT/docker"
cp -r mvnw .mvn pom.xml processes forms .dockerignore "$UPGRADE_CONTEXT/"
mkdir -p "$UPGRADE_CONTEXT/src" && cp -r src/main "$UPGRADE_CONTEXT/src/"
cp docker/Dockerfile docker/HealthCheck.java "$UPGRADE_CONTEXT/docker/"
grep -q "name=\"$OLD_LABEL\"" "$UPGRADE_CONTEXT/processes/idea-lifecycle.bpmn" || fail "upgrade" "label « $OLD_LABEL » not in the model"
sed -i "s/name=\"$OLD_LABEL\"/name=\"$NEW_LABEL\"/" "$UPGRADE_CONTEXT/processes/idea-lifecycle.bpmn"
started=$(now)
docker build --network host -f "$UPGRADE_CONTEXT/docker/Dockerfile" -t "construisons:$UPGRADE_TAG" "$UPGRADE_CONTEXT" \
  >"$WORK/build-upgrade.log" 2>&1 || { tail -40 "$WORK/build-upgrade.log"; fail "upgrade" "image build failed"; }
UPGRADE_BUILD_SECS=$(since "$started")

rm -f "$WORK/stop-poller"
client poll "$BASE" "$WORK/stop-poller" >"$WORK/poller.out" 2>&1 &
POLLER=$!
sleep 3
started=$(now)
sed -i "s/^CONSTRUISONS_IMAGE_TAG=.*/CONSTRUISONS_IMAGE_TAG=$UPGRADE_TAG/" "$ENV_FILE"
for node in app1 app2; do
  stack up -d --no-deps --no-build "$node" >"$WORK/upgrade-$node.log" 2>&1 || { cat "$WORK/upgrade-$node.log"; fail "upgrade" "$node not recreated"; }
  wait_healthy 300 "$(container $node)"
  reload_proxy
  [[ "$(docker inspect --format '{{.Config.Image}}' "$(container $node)")" == "construisons:$UPGRADE_TAG" ]] || fail "upgrade" "$node not on the new image"
done
ROLLOUT_SECS=$(since "$started")
sleep 3
touch "$WORK/stop-poller"
wait "$POLLER"
read -r POLLED POLL_FAILED < "$WORK/poller.out"
[[ "$POLL_FAILED" == 0 ]] || { cat "$WORK/poller.out"; fail "upgrade" "$POLL_FAILED of $POLLED requests through nginx failed during the roll-out"; }
client clarify "$BASE" julie "$AGENT_PASSWORD" "$INSTANCE3" >/dev/null || fail "upgrade" "$REF3's call (started on the old model) not completed"
client mails "$MAIL_API" 90 "$(review_mail "$REF3")" >/dev/null || fail "upgrade" "$REF3's review mail missing"
read -r INSTANCE4 REF4 < <(client submit "$BASE" emma "$AGENT_PASSWORD" "Idée Docker n° 4 (après la mise à jour)") || fail "upgrade" "submission refused"
TASK4=$(client task-name "$BASE" julie "$AGENT_PASSWORD" "$INSTANCE4")
[[ "$TASK4" == "$NEW_LABEL"* ]] || fail "upgrade" "new ideas do not run the new model: task « $TASK4 »"
VERSIONS=$(psql_stack "select count(*) from act_re_procdef where key_ = 'idea-lifecycle'")
ok "upgrade node by node" "image built in $UPGRADE_BUILD_SECS s, rolled out in $ROLLOUT_SECS s, $POLL_FAILED failed of $POLLED requests through nginx; $REF3 (old model) completed its call, $REF4 runs the new one (« $NEW_LABEL », $VERSIONS versions of idea-lifecycle)"

# ------------------------------------------------------------------------------------------------
# Measures: memory of each node under its limit.
# ------------------------------------------------------------------------------------------------
MEMORY=$(docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' "$(container app1)" "$(container app2)" | sed "s/^${PROJECT}_//" | paste -sd ';' -)
ok "memory" "$MEMORY"

# ------------------------------------------------------------------------------------------------
# 8. Backup with pg_dump, restored into a fresh stack (new project, new volume).
# ------------------------------------------------------------------------------------------------
started=$(now)
docker exec "$(container postgres)" pg_dump -Fc -U construisons -d construisons >"$WORK/backup.dump"
DUMP_KB=$(( $(stat -c %s "$WORK/backup.dump") / 1024 ))
REFS_BEFORE=$(psql_stack "select string_agg(reference, ',' order by reference) from idea")
stack down -v >/dev/null 2>&1
write_env "$RESTORED_ENV_FILE" "$(free_port)" "$(free_port)"
restored up -d --no-build postgres >/dev/null 2>&1
wait_healthy 120 "$(restored ps -q postgres)"
docker exec -i "$(restored ps -q postgres)" pg_restore --no-owner --role=construisons -U construisons -d construisons <"$WORK/backup.dump" \
  || fail "backup and restore" "pg_restore failed"
restored up -d --no-build >/dev/null 2>&1
wait_healthy 420 "$(restored ps -q app1)" "$(restored ps -q app2)"
REFS_AFTER=$(docker exec "$(restored ps -q postgres)" psql -U construisons -d construisons -Atc "select string_agg(reference, ',' order by reference) from idea")
[[ -n "$REFS_BEFORE" && "$REFS_AFTER" == "$REFS_BEFORE" ]] || fail "backup and restore" "before: $REFS_BEFORE, after: $REFS_AFTER"
RESTORED_BASE="http://127.0.0.1:$(sed -n 's/^CONSTRUISONS_HTTP_PORT=//p' "$RESTORED_ENV_FILE")"
client clarify "$RESTORED_BASE" julie "$AGENT_PASSWORD" "$INSTANCE4" >/dev/null || fail "backup and restore" "$REF4's call not completed on the restored stack"
ok "backup and restore" "pg_dump $DUMP_KB KB, same ideas ($REFS_AFTER) in the fresh stack, $REF4's call completed there; $(since "$started") s"

ok "stack test" "$(( $(date +%s) - SCRIPT_START )) s"
