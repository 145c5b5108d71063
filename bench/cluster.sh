#!/usr/bin/env bash
# Two gateway nodes on one Artemis primary/backup pair and one PostgreSQL, all on loopback.
#
#   bench/cluster.sh up     start everything and print where it is
#   bench/cluster.sh down   stop everything (KEEP=1 keeps the data)
#
# The broker pair shares one store (Artemis "shared store": the backup waits for the primary's lock
# on the store and goes live when it is released, as when the primary dies). Both gateway nodes take
# HTTP posts, consume the inbound and delivery queues, and pick up the one shared inbox/
# (gateway.ingest.shared-inbox), deliver into the one shared outbox/ and quarantine into the one
# quarantine/ (an operator's release on either node finds the files), each linked into the node's
# own data folder; node B starts with node A's keys (body encryption, CPR hash, tracking id).
# Builds nothing: needs target/medcom-gateway.jar. Environment: CLUSTER_DIR (/tmp/medcom-cluster),
# PORT_A (18281), PORT_B (18282), PG_PORT (55433), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/postgres.sh
. bench/artemis.sh
WORK=${CLUSTER_DIR:-/tmp/medcom-cluster}
PORT_A=${PORT_A:-18281}
PORT_B=${PORT_B:-18282}
PG_PORT=${PG_PORT:-55433}
ARTEMIS_VERSION=2.40.0
BROKER_USER=medcom
BROKER_PASSWORD=medcom-cluster
JAR=target/medcom-gateway.jar
BROKER_URL='(tcp://127.0.0.1:61616,tcp://127.0.0.1:61617)?ha=true&reconnectAttempts=-1&initialConnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=2.0&maxRetryInterval=10000'

log() { echo "[$(date +%H:%M:%S)] $*"; }

# start <name> <log> <command...>: in the background, its pid in $WORK/<name>.pid
start() {
  local name=$1 out=$2; shift 2
  "$@" >>"$out" 2>&1 &
  echo $! >"$WORK/$name.pid"
}

await_line() { # <name> <log> <pattern> <what>
  local pid; pid=$(cat "$WORK/$1.pid")
  until grep -q "$3" "$2" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "$1 died; tail of $2:"; tail -20 "$2"; exit 1; }
    sleep 0.3
  done
  log "$1: $4"
}

broker() { # <name> <port offset> <primary|backup> <the other's port>
  local dir="$WORK/$1" role=()
  [ "$3" = backup ] && role=(--backup)
  artemis_create "$dir" "$BROKER_USER" "$BROKER_PASSWORD" --shared-store "${role[@]}" --failover-on-shutdown \
    --data "$WORK/broker-store" --port-offset "$2" --clustered --cluster-user medcom-cluster \
    --cluster-password "$BROKER_PASSWORD" --staticCluster "tcp://127.0.0.1:$4" --max-hops 1
  start "$1" "$dir.log" "$dir/bin/artemis" run
}

node() { # <name> <port>
  local data="$WORK/node-$1"
  mkdir -p "$data"
  ln -sfn "$WORK/shared/inbox" "$data/inbox"
  ln -sfn "$WORK/shared/outbox" "$data/outbox"
  ln -sfn "$WORK/shared/quarantine" "$data/quarantine"
  GATEWAY_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/medcom" GATEWAY_DB_USER=medcom GATEWAY_DB_PASSWORD="$PG_PASSWORD" \
    start "node-$1" "$data.log" java ${JAVA_OPTS:--Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar "$JAR" \
    --gateway.data-dir="$data" --server.port="$2" --spring.profiles.active=postgres,demo \
    --gateway.ingest.shared-inbox=true --spring.artemis.mode=native --spring.artemis.embedded.enabled=false \
    "--spring.artemis.broker-url=$BROKER_URL" --spring.artemis.user="$BROKER_USER" \
    --spring.artemis.password="$BROKER_PASSWORD"
  local pid; pid=$(cat "$WORK/node-$1.pid")
  until curl -fs "http://127.0.0.1:$2/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "node $1 died; tail of $data.log:"; tail -30 "$data.log"; exit 1; }
    sleep 0.5
  done
  log "node $1: up on http://127.0.0.1:$2"
}

stop_pid() { # <name> <signal>
  local file="$WORK/$1.pid"
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  if kill "-$2" "$pid" 2>/dev/null; then
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

up() {
  [ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -B -DskipTests package)"; exit 2; }
  [ ! -e "$WORK/node-a.pid" ] || { echo "already up ($WORK); bench/cluster.sh down first"; exit 2; }
  mkdir -p "$WORK/shared/inbox" "$WORK/shared/outbox" "$WORK/shared/quarantine"
  start_postgres
  log "postgres: 127.0.0.1:$PG_PORT, database medcom, user medcom"
  broker primary 0 primary 61617
  await_line primary "$WORK/primary.log" AMQ221007 "live on 127.0.0.1:61616"
  broker backup 1 backup 61616
  await_line backup "$WORK/backup.log" AMQ221031 "backup announced on 127.0.0.1:61617"
  node a "$PORT_A"
  # node B takes node A's keys: both read and write the same journal and the same files
  mkdir -p "$WORK/node-b/journal"
  cp "$WORK"/node-a/journal/*.key "$WORK/node-b/journal/"
  node b "$PORT_B"
  cat <<INFO

cluster up in $WORK
  inbox (shared)     $WORK/shared/inbox
  outbox (shared)    $WORK/shared/outbox
  quarantine (shared) $WORK/shared/quarantine
  node A             http://127.0.0.1:$PORT_A   log $WORK/node-a.log   pid $(cat "$WORK/node-a.pid")
  node B             http://127.0.0.1:$PORT_B   log $WORK/node-b.log   pid $(cat "$WORK/node-b.pid")
  broker primary     tcp://127.0.0.1:61616      log $WORK/primary.log  pid $(cat "$WORK/primary.pid")
  broker backup      tcp://127.0.0.1:61617      log $WORK/backup.log   pid $(cat "$WORK/backup.pid")
  broker user        $BROKER_USER / $BROKER_PASSWORD
  postgres           127.0.0.1:$PG_PORT/medcom (user medcom, password $PG_PASSWORD), log $WORK/postgres.log
stop with: bench/cluster.sh down
INFO
}

down() {
  [ -d "$WORK" ] || { echo "nothing in $WORK"; return 0; }
  stop_pid node-a TERM; stop_pid node-b TERM
  stop_pid backup TERM; stop_pid primary TERM
  PG_DIR="$WORK/pgdata"; stop_postgres
  log "stopped"
  [ "${KEEP:-0}" = 1 ] && echo "data kept in $WORK" || rm -rf "$WORK"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: bench/cluster.sh up|down"; exit 2 ;;
esac
