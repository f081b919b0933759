#!/usr/bin/env bash
# StreamHub as a cluster on one machine (docs/OPERATIONS.md, "Cluster"):
#   edge cache (nginx proxy_cache, /media) -> load balancer (HAProxy, checks /ready) -> 2 API processes
#   2 worker processes; PostgreSQL primary + streaming replica (pg_basebackup), PgBouncer (transaction
#   mode) in front of the primary; a Redis server of its own; media on the filesystem adapter (one DATA_DIR).
# Usage: scripts/cluster.sh up | down | status | env | restart|kill <api1|worker2|...> | stop|start <redis|replica|api1|...>
# Everything lives under $STREAMHUB_CLUSTER_DIR (default /tmp/streamhub-cluster); `down` stops what `up`
# started (by the pid files it wrote) and removes that directory. Ports come from STREAMHUB_CLUSTER_* below.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${STREAMHUB_CLUSTER_DIR:-/tmp/streamhub-cluster}
# STREAMHUB_CLUSTER_PORT_BASE=B moves every port to B+offset (edge B+80, LB B+90, APIs B+1.., PostgreSQL
# B+32/B+33, PgBouncer B+43, Redis B+79), so two clusters (each with its own STREAMHUB_CLUSTER_DIR) never collide.
BASE=${STREAMHUB_CLUSTER_PORT_BASE:-}
port() { if [ -n "$BASE" ]; then echo $((BASE + $1)); else echo "$2"; fi; }
PORT_EDGE=${STREAMHUB_CLUSTER_EDGE_PORT:-$(port 80 18080)}
PORT_HAPROXY=${STREAMHUB_CLUSTER_LB_PORT:-$(port 90 18090)}
PORT_HAPROXY_STATS=${STREAMHUB_CLUSTER_LB_STATS_PORT:-$(port 91 18091)}
PORT_API_BASE=${STREAMHUB_CLUSTER_API_BASE_PORT:-$(port 0 18000)}
PORT_PG_PRIMARY=${STREAMHUB_CLUSTER_PG_PORT:-$(port 32 15432)}
PORT_PG_REPLICA=${STREAMHUB_CLUSTER_PG_REPLICA_PORT:-$(port 33 15433)}
PORT_PGBOUNCER=${STREAMHUB_CLUSTER_PGBOUNCER_PORT:-$(port 43 18432)}
PORT_REDIS=${STREAMHUB_CLUSTER_REDIS_PORT:-$(port 79 18079)}
API_COUNT=${STREAMHUB_CLUSTER_APIS:-2}
WORKER_COUNT=${STREAMHUB_CLUSTER_WORKERS:-2}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}

log() { printf '[cluster] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# PostgreSQL and PgBouncer refuse to run as root: they run as the postgres account then.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

render() { # template output: fills @NAME@ placeholders
  sed -e "s#@STATE@#$STATE#g" -e "s#@PORT_EDGE@#$PORT_EDGE#g" -e "s#@PORT_HAPROXY@#$PORT_HAPROXY#g" \
    -e "s#@PORT_HAPROXY_STATS@#$PORT_HAPROXY_STATS#g" -e "s#@PORT_PG_PRIMARY@#$PORT_PG_PRIMARY#g" \
    -e "s#@PORT_PGBOUNCER@#$PORT_PGBOUNCER#g" "$1" >"$2"
}

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  die "$what did not come up within ${seconds}s (logs in $STATE/logs)"
}

app_env() { # the environment every StreamHub process of the cluster gets
  local replicas=postgres://postgres@127.0.0.1:$PORT_PG_REPLICA/streamhub
  # NODE_OPTIONS: a young generation of up to 64 MiB per semi-space. A busy API process then collects
  # short-lived request garbage about 4 times less often, for half the collector's CPU (docs/OPERATIONS.md).
  cat <<ENV
NODE_ENV=production
NODE_OPTIONS=--max-semi-space-size=64
DATA_DIR=$STATE/data
DATABASE_URL=postgres://postgres@127.0.0.1:$PORT_PGBOUNCER/streamhub
DATABASE_NAMED_STATEMENTS=false
DATABASE_REPLICA_URLS=$replicas
REDIS_URL=redis://127.0.0.1:$PORT_REDIS
REDIS_KEY_PREFIX=streamhub:
JWT_SECRET=$(cat "$STATE/jwt-secret")
PUBLIC_URL=http://127.0.0.1:$PORT_EDGE
TRUST_PROXY=true
WORKERS_IN_PROCESS=false
SHUTDOWN_DRAIN_DELAY_MS=1500
RATE_LIMIT_GLOBAL_PER_MINUTE=${STREAMHUB_CLUSTER_RATE_LIMIT:-1000}
COMMENT_RATE_PER_MINUTE=${STREAMHUB_CLUSTER_COMMENT_RATE:-5}
CACHE_RESPONSES=${STREAMHUB_CLUSTER_CACHE:-true}
LOG_LEVEL=${LOG_LEVEL:-info}
EDGE_CACHE_DIR=$STATE/edge/cache
EDGE_ACCESS_LOG=$STATE/logs/edge-access.log
ENV
}

start_node() { # name, command, extra env...
  local name=$1 command=$2; shift 2
  (
    cd "$ROOT"
    set -a; eval "$(app_env)"; for assignment in "$@"; do export "${assignment?}"; done; set +a
    # Tracing starts before StreamHub loads when OTEL_EXPORTER_OTLP_ENDPOINT is set (a no-op otherwise).
    setsid nohup node --import tsx --import ./src/platform/observability/tracing-preload.ts src/main.ts "$command" \
      >>"$STATE/logs/$name.log" 2>&1 </dev/null &
    echo $! >"$STATE/run/$name.pid"
  )
}

start_process() { # api<N> or worker<N>
  case "$1" in
    api[0-9]*) start_node "$1" serve "PORT=$((PORT_API_BASE + ${1#api}))" HOST=127.0.0.1 ;;
    worker[0-9]*) start_node "$1" worker ;;
    *) die "no such process: $1" ;;
  esac
}

# Fault drills: kill -9 a StreamHub process, stop or start Redis or the replica.
cmd_kill() {
  local file=$STATE/run/$1.pid
  [ -f "$file" ] || die "no pid file for $1"
  kill -KILL "$(cat "$file")" 2>/dev/null || true
}

cmd_stop() {
  case "$1" in
    redis) redis-cli -p "$PORT_REDIS" shutdown nosave >/dev/null 2>&1 || true; rm -f "$STATE/run/redis.pid" ;;
    replica) as_pg "$PGBIN/pg_ctl" -D "$STATE/pg/replica" -m immediate -w stop >/dev/null ;;
    *) stop_pidfile "$1" ;;
  esac
}

cmd_start() {
  case "$1" in
    redis) start_redis ;;
    replica) as_pg "$PGBIN/pg_ctl" -D "$STATE/pg/replica" -l "$STATE/logs/pg-replica.log" -w start >/dev/null ;;
    *) cmd_restart "$1" ;;
  esac
}

# Starts one StreamHub process again (after a drill killed it) and waits for an API to be ready.
cmd_restart() {
  [ -d "$STATE/run" ] || die "no cluster in $STATE"
  stop_pidfile "$1"
  start_process "$1"
  case "$1" in api*) wait_for "$1" 90 curl -sf "http://127.0.0.1:$((PORT_API_BASE + ${1#api}))/ready" ;; esac
}

install_packages() {
  local needed=()
  command -v haproxy >/dev/null || needed+=(haproxy)
  command -v nginx >/dev/null || needed+=(nginx)
  command -v pgbouncer >/dev/null || needed+=(pgbouncer)
  command -v redis-server >/dev/null || needed+=(redis-server)
  [ -x "$PGBIN/pg_basebackup" ] || needed+=(postgresql)
  [ ${#needed[@]} -eq 0 ] || bash "$ROOT/scripts/install-system-deps.sh" "${needed[@]}"
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

start_postgres() {
  local socket=$STATE/run
  as_pg "$PGBIN/initdb" -D "$STATE/pg/primary" -U postgres -A trust --no-sync >"$STATE/logs/initdb.log"
  cat >>"$STATE/pg/primary/postgresql.conf" <<CONF
port = $PORT_PG_PRIMARY
listen_addresses = '127.0.0.1'
unix_socket_directories = '$socket'
wal_level = replica
max_wal_senders = 5
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  as_pg "$PGBIN/pg_ctl" -D "$STATE/pg/primary" -l "$STATE/logs/pg-primary.log" -w start >/dev/null
  as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PORT_PG_PRIMARY" -U postgres -qc 'create database streamhub'
  # The replica: a base backup of the primary that follows its WAL (-R writes primary_conninfo).
  as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PORT_PG_PRIMARY" -U postgres -D "$STATE/pg/replica" -R -X stream -c fast
  sed -i "s/^port = $PORT_PG_PRIMARY/port = $PORT_PG_REPLICA/" "$STATE/pg/replica/postgresql.conf"
  echo "hot_standby = on" >>"$STATE/pg/replica/postgresql.conf"
  as_pg "$PGBIN/pg_ctl" -D "$STATE/pg/replica" -l "$STATE/logs/pg-replica.log" -w start >/dev/null
}

start_pgbouncer() {
  mkdir -p "$STATE/pgbouncer"
  echo '"postgres" ""' >"$STATE/pgbouncer/userlist.txt"
  render "$ROOT/ops/cluster/pgbouncer.ini" "$STATE/pgbouncer/pgbouncer.ini"
  [ "$(id -u)" -ne 0 ] || chown -R postgres: "$STATE/pgbouncer"
  as_pg pgbouncer -d "$STATE/pgbouncer/pgbouncer.ini"
  wait_for "PgBouncer" 10 as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PORT_PGBOUNCER" -U postgres -d streamhub -qtc 'select 1'
}

start_redis() {
  mkdir -p "$STATE/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$PORT_REDIS" --save "" --appendonly no \
    --dir "$STATE/redis" --pidfile "$STATE/run/redis.pid" --logfile "$STATE/logs/redis.log"
  wait_for "Redis" 10 redis-cli -p "$PORT_REDIS" ping
}

start_balancers() {
  local servers="" i
  for i in $(seq 1 "$API_COUNT"); do
    servers+="    server api$i 127.0.0.1:$((PORT_API_BASE + i)) check"$'\n'
  done
  render "$ROOT/ops/cluster/haproxy.cfg" "$STATE/haproxy.cfg.tmp"
  awk -v servers="$servers" '{ if ($0 == "@SERVERS@") printf "%s", servers; else print }' "$STATE/haproxy.cfg.tmp" >"$STATE/haproxy.cfg"
  rm "$STATE/haproxy.cfg.tmp"
  haproxy -q -f "$STATE/haproxy.cfg"
  mkdir -p "$STATE/edge/cache"
  render "$ROOT/ops/cluster/nginx-edge.conf" "$STATE/nginx.conf"
  # Workers need the cache directory: as root they run as root, otherwise as the current user anyway.
  [ "$(id -u)" -ne 0 ] || sed -i '1i user root;' "$STATE/nginx.conf"
  nginx -p "$STATE/edge" -c "$STATE/nginx.conf" -e "$STATE/logs/nginx-error.log"
}

cmd_up() {
  [ ! -e "$STATE/run" ] || die "a cluster is already up in $STATE (scripts/cluster.sh down first)"
  local started=$SECONDS i
  install_packages
  mkdir -p "$STATE"/{run,logs,pg,data}
  head -c 32 /dev/urandom | base64 | tr -d '/+=\n' >"$STATE/jwt-secret"
  [ "$(id -u)" -ne 0 ] || chown -R postgres: "$STATE/run" "$STATE/logs" "$STATE/pg"
  log "PostgreSQL primary :$PORT_PG_PRIMARY and streaming replica :$PORT_PG_REPLICA"
  start_postgres
  log "PgBouncer :$PORT_PGBOUNCER (transaction mode), Redis :$PORT_REDIS"
  start_pgbouncer
  start_redis
  # Every process applies pending migrations at start; they serialise on a transaction-scoped advisory
  # lock, which works through PgBouncer's transaction mode.
  log "$API_COUNT API processes, $WORKER_COUNT workers"
  for i in $(seq 1 "$API_COUNT"); do start_process "api$i"; done
  for i in $(seq 1 "$WORKER_COUNT"); do start_process "worker$i"; done
  start_balancers
  for i in $(seq 1 "$API_COUNT"); do
    wait_for "api$i" 90 curl -sf "http://127.0.0.1:$((PORT_API_BASE + i))/ready"
  done
  wait_for "the load balancer" 10 curl -sf "http://127.0.0.1:$PORT_EDGE/ready"
  log "up in $((SECONDS - started)) s: http://127.0.0.1:$PORT_EDGE (LB stats http://127.0.0.1:$PORT_HAPROXY_STATS/)"
}

stop_pidfile() { # name: TERM, wait up to 20 s for the drain, then KILL
  local file=$STATE/run/$1.pid pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

cmd_down() {
  [ -d "$STATE" ] || { log "nothing to stop ($STATE does not exist)"; return 0; }
  local name
  for name in nginx haproxy; do stop_pidfile "$name"; done
  # The StreamHub processes drain side by side.
  for name in "$STATE"/run/api*.pid "$STATE"/run/worker*.pid; do
    [ -e "$name" ] && stop_pidfile "$(basename "$name" .pid)" &
  done
  wait
  stop_pidfile pgbouncer
  stop_pidfile redis
  for name in replica primary; do
    [ -f "$STATE/pg/$name/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$STATE/pg/$name" -m fast -w stop >/dev/null || true
  done
  rm -rf "$STATE"
  log "down: $STATE removed"
}

cmd_status() {
  [ -d "$STATE/run" ] || { log "no cluster in $STATE"; return 1; }
  local file name pid
  for file in "$STATE"/run/*.pid; do
    name=$(basename "$file" .pid); pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then printf '%-10s up    pid %s\n' "$name" "$pid"; else printf '%-10s DOWN  (pid %s)\n' "$name" "$pid"; fi
  done
  for name in primary replica; do
    if as_pg "$PGBIN/pg_ctl" -D "$STATE/pg/$name" status >/dev/null 2>&1; then printf '%-10s up\n' "pg-$name"; else printf '%-10s DOWN\n' "pg-$name"; fi
  done
  as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PORT_PG_PRIMARY" -U postgres -Atc \
    "select 'replication ' || application_name || ' ' || state || ' replay_lag=' || coalesce(replay_lag::text, '0') from pg_stat_replication" 2>/dev/null || true
  printf 'ready via edge: %s\n' "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_EDGE/ready")"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) app_env ;;
  restart) cmd_restart "${2:?which process: api1, worker2...}" ;;
  kill) cmd_kill "${2:?which process: api1, worker2...}" ;;
  stop) cmd_stop "${2:?what: redis, replica, api1...}" ;;
  start) cmd_start "${2:?what: redis, replica, api1...}" ;;
  *) echo "usage: $0 up|down|status|env|restart <api1|worker1|...>" >&2; exit 2 ;;
esac
