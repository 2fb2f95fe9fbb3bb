#!/usr/bin/env bash
# The load test and the soak of one node (docs/performance.md, "Load test and soak"), in one
# command:
#
#   load/run.sh                                  # 5 minutes of the mixed load
#   load/run.sh --duration 1800 --window 300     # the 30-minute soak, percentiles per 5 minutes
#
# It packages the application, starts the jar as its own process on the national-scale
# PostgreSQL database (construisons_scale, built by the scale-data benchmark when absent), with an
# SMTP server (GreenMail standalone) taking its mail; samples the node every 30 s into a CSV
# (resident memory, PostgreSQL connections, Hikari's pool, heap, threads); runs the Gatling
# simulation (src/gatling/java, Maven profile "load"); stops everything it started and writes
# target/load/<run>/summary.md from Gatling's statistics and the samples.
#
# Needs Java 17, PostgreSQL on 127.0.0.1:5432 (trust, user postgres), psql and curl.
# Everything listens on 127.0.0.1 only.
set -euo pipefail

cd "$(dirname "$0")/.."

duration=300
warmup=60
window=0
agents=20
team=2
feed=1
think_min=1000
think_max=3000
port=18090
smtp_port=3996
smtp_api_port=18091
sample_every=30
package=yes
# The JVM options docs/performance.md recommends for one node (section 3).
jvm="-Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxMetaspaceSize=256m -Xss512k -XX:ReservedCodeCacheSize=128m"
pg_host=127.0.0.1
pg_port=5432
pg_user=postgres
database=construisons_scale
organisation=target/bench/organisation-scale.yml
greenmail_version=2.1.5

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
  cat <<EOF
Options (defaults in brackets):
  --duration S      length of the load, seconds, warm-up included [$duration]
  --warmup S        first seconds left out of the figures [$warmup]
  --window S        soak: percentiles per window of S seconds (0: none) [$window]
  --agents N        concurrent agents in the idea box [$agents]
  --team N          concurrent Tasklist sessions of the innovation team [$team]
  --feed R          anonymous feed requests per second [$feed]
  --think-min MS, --think-max MS   think time between two pages [$think_min-$think_max]
  --port P          the node's HTTP port [$port]; --smtp-port P [$smtp_port]
  --jvm "OPTIONS"   the node's JVM options [$jvm]
  --database NAME   another PostgreSQL database, which must exist [$database]
  --organisation FILE   the organisation file of that database [target/bench/organisation-scale.yml]
  --no-package      use the jar and classes already built
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --window) window=$2; shift 2 ;;
    --agents) agents=$2; shift 2 ;;
    --team) team=$2; shift 2 ;;
    --feed) feed=$2; shift 2 ;;
    --think-min) think_min=$2; shift 2 ;;
    --think-max) think_max=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --smtp-port) smtp_port=$2; shift 2 ;;
    --jvm) jvm=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --organisation) organisation=$2; shift 2 ;;
    --no-package) package=no; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

for tool in java psql curl; do
  command -v "$tool" >/dev/null || { echo "load/run.sh needs $tool" >&2; exit 2; }
done

run="target/load/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run"
echo "Run directory: $run"
sql() { psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -XAtc "$1"; }
machine_load() { cut -d' ' -f1-3 /proc/loadavg; }
load_before=$(machine_load)

# ---- build ----
if [[ $package == yes ]]; then
  # -Pload compiles the simulations too; the jar is the same as without the profile (Gatling
  # is a test dependency, and the application uses no Netty).
  ./mvnw -B -ntp -q -Pload -DskipTests package
fi
jar=$(ls target/construisons-*.jar | grep -v -- '-plain.jar' | head -1)
if [[ $database == construisons_scale && $(sql "select count(*) from pg_database where datname = '$database'") == 0 ]]; then
  echo "No database $database: building it with the scale-data benchmark (about 25 minutes)"
  ./mvnw -B -ntp -Pbench test-compile exec:java -Dbench.args="scale-data"
fi
if [[ ! -f $organisation ]]; then
  # The node synchronises the organisation file at start-up: with another file it would disable
  # the data set's 5,000 agents. scale-data writes it (seed 42, the same file every time).
  echo "No $organisation: run the scale-data benchmark in this checkout (or copy the file it wrote)" >&2
  exit 2
fi
open_calls=$(psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$database" -XAtc \
  "select count(*) from act_ru_task where task_def_key_ = 'Task_ClarifyIdea' and assignee_ is null" 2>/dev/null || echo "none yet (no engine schema)")
echo "Open clarification calls nobody holds: $open_calls"
# Each team session completes one call in each loop of about 6 s (three think times): Gatling
# stops the whole run when its queue of open calls runs dry.
needed=$((team * duration / 6))
if [[ $team -gt 0 && $open_calls =~ ^[0-9]+$ && $open_calls -lt $needed ]]; then
  echo "Only $open_calls open clarification calls for about $needed completions: top the data set up with" >&2
  echo "  ./mvnw -Pbench test-compile exec:java -Dbench.args=\"scale-data --resume yes --open 5000\"" >&2
  exit 2
fi

# ---- the node and its SMTP server ----
pids=()
cleanup() {
  # Only what this script started, by process id, newest first.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT

greenmail=target/load/greenmail-standalone-$greenmail_version.jar
if [[ ! -f $greenmail ]]; then
  ./mvnw -B -ntp -q dependency:copy -Dartifact=com.icegreen:greenmail-standalone:$greenmail_version \
    -DoutputDirectory=target/load
fi
java -Xmx256m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp_port" -Dgreenmail.auth.disabled \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$smtp_api_port" -jar "$greenmail" >"$run/greenmail.log" 2>&1 &
pids+=($!)

# shellcheck disable=SC2086 # the JVM options are words
CONSTRUISONS_DB_URL="jdbc:postgresql://$pg_host:$pg_port/$database" CONSTRUISONS_DB_USER="$pg_user" CONSTRUISONS_DB_PASSWORD="" \
  java $jvm -jar "$jar" --spring.profiles.active=postgres,demo --server.address=127.0.0.1 --server.port="$port" \
  --construisons.mail.delivery=smtp --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port" \
  --construisons.organisation.file="file:$(realpath "$organisation")" \
  --spring.datasource.hikari.data-source-properties.ApplicationName=construisons-load-node >"$run/node.log" 2>&1 &
node=$!
pids+=($node)
started=$(date +%s%N)
until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health" || true) == 200 ]]; do
  kill -0 "$node" 2>/dev/null || { echo "The node stopped during start-up: see $run/node.log" >&2; exit 1; }
  if (($(date +%s%N) - started > 300000000000)); then echo "The node is not ready after 5 minutes: see $run/node.log" >&2; exit 1; fi
  sleep 0.5
done
ready=$(awk -v ns=$(($(date +%s%N) - started)) 'BEGIN { printf "%.1f", ns / 1e9 }')
echo "Node ready in $ready s (pid $node)"

# ---- samples every 30 s ----
samples=$run/samples.csv
echo "epoch,time,elapsed_s,rss_mib,pg_connections,pg_node,pg_active,pg_idle,pg_parallel_workers,hikari_active,hikari_idle,hikari_pending,hikari_total,heap_used_mib,heap_committed_mib,nonheap_used_mib,live_threads,http_sessions,load_1m" >"$samples"
sample() {
  local t0=$1 now rss pg metrics
  now=$(date +%s)
  rss=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$node/status")
  # The connections to the node's database (psql itself is connected to "postgres"), then the
  # node's own, by the application name it was started with (the load generator's feeder reads
  # the same database once, at its start), and theirs by state. Parallel workers of a query (a
  # search scans every idea with two) carry their leader's name: counted apart, not as connections.
  pg=$(sql "select count(*) filter (where backend_type = 'client backend')
              || ',' || count(*) filter (where backend_type = 'client backend' and application_name = 'construisons-load-node')
              || ',' || count(*) filter (where backend_type = 'client backend' and application_name = 'construisons-load-node' and state = 'active')
              || ',' || count(*) filter (where backend_type = 'client backend' and application_name = 'construisons-load-node' and state like 'idle%')
              || ',' || count(*) filter (where backend_type = 'parallel worker')
            from pg_stat_activity where datname = '$database'")
  # The actuator's Prometheus text, as the supervision would scrape it (admin is in camunda-admin).
  metrics=$(curl -s -u admin:demo "http://127.0.0.1:$port/actuator/prometheus")
  # value NAME [LABEL] [DIVISOR]: the sum of the samples of metric NAME whose labels contain LABEL.
  value() {
    awk -v name="$1" -v label="${2:-}" -v divisor="${3:-1}" '
      { metric = $1; sub(/\{.*/, "", metric) }
      metric == name && (label == "" || index($1, label)) { sum += $NF; found = 1 }
      END { if (found) printf "%.0f", sum / divisor }' <<<"$metrics"
  }
  echo "$now,$(date -u -d "@$now" +%H:%M:%S),$((now - t0)),$rss,$pg,$(value hikaricp_connections_active),$(value hikaricp_connections_idle),$(value hikaricp_connections_pending),$(value hikaricp_connections),$(value jvm_memory_used_bytes 'area="heap"' 1048576),$(value jvm_memory_committed_bytes 'area="heap"' 1048576),$(value jvm_memory_used_bytes 'area="nonheap"' 1048576),$(value jvm_threads_live_threads),$(value tomcat_sessions_active_current_sessions),$(cut -d' ' -f1 /proc/loadavg)" >>"$samples"
  # GreenMail keeps every message in memory: emptied, it stays a sink of constant size.
  curl -s -o /dev/null -X POST "http://127.0.0.1:$smtp_api_port/api/mail/purge" || true
}
# The heap still in use after a full collection: what the node holds on to. Taken at idle and
# after the load, never during it (the pause would be measured).
live_heap() {
  jcmd "$node" GC.run >/dev/null
  sleep 2
  curl -s -u admin:demo "http://127.0.0.1:$port/actuator/prometheus" |
    awk '$1 ~ /^jvm_memory_used_bytes/ && index($1, "area=\"heap\"") { sum += $NF } END { printf "%.0f", sum / 1048576 }'
}
live_heap_before=$(live_heap)
sampling_since=$(date +%s)
(
  while kill -0 "$node" 2>/dev/null; do
    sample "$sampling_since"
    sleep "$sample_every"
  done
) &
pids+=($!)

# ---- the load ----
echo "Gatling: $duration s, warm-up $warmup s, window $window s, $agents agents, $team team sessions, $feed feed requests/s"
./mvnw -B -ntp -Pload gatling:test -Dload.baseUrl="http://127.0.0.1:$port" -Dload.duration="$duration" \
  -Dload.warmup="$warmup" -Dload.window="$window" -Dload.agents="$agents" -Dload.team="$team" -Dload.feed="$feed" \
  -Dload.thinkMin="$think_min" -Dload.thinkMax="$think_max" \
  -Dload.db="jdbc:postgresql://$pg_host:$pg_port/$database" -Dload.dbUser="$pg_user" | tee "$run/gatling.log"
# One last sample at the end of the load, and the live heap, before the node stops.
sample "$sampling_since"
live_heap_after=$(live_heap)
cleanup
trap - EXIT
load_after=$(machine_load)

# ---- summary ----
report=$(ls -td target/gatling/mixedloadsimulation-* | head -1)
load_start=$(sed -n 's/.*Load started at epoch \([0-9]*\).*/\1/p' "$run/gatling.log" | head -1)
./mvnw -B -ntp -q -Pload exec:java@load-summary \
  -Dload.summary.args="$report $samples $load_start $duration $warmup $window" >"$run/summary.md"
{
  echo
  printf 'Node: `%s`, JVM `%s`, ready in %s s. Load: %s agents, %s team sessions, %s feed requests/s, think time %s–%s ms, %s s (warm-up %s s).\n' \
    "$jar" "$jvm" "$ready" "$agents" "$team" "$feed" "$think_min" "$think_max" "$duration" "$warmup"
  echo "Heap in use after a full GC (jcmd GC.run): $live_heap_before MiB at idle before the load, $live_heap_after MiB after it."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average before $load_before, after $load_after."
  echo "Gatling report: $report/index.html"
} >>"$run/summary.md"
cp "$run/summary.md" target/load/summary.md
cat "$run/summary.md"
