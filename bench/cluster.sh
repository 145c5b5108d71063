#!/usr/bin/env bash
# Two gateway nodes on one Artemis primary/backup pair and one PostgreSQL, all on loopback.
#
#   bench/cluster.sh up     start everything and print where it is
#   bench/cluster.sh down   stop everything (KEEP=1 keeps the data)
#   bench/cluster.sh test   up, the failover test below, down; exit 0 only if it passed
#   bench/cluster.sh bench  up, throughput and latency with two nodes and then one, down
#
# The broker pair shares one store (Artemis "shared store": the backup waits for the primary's lock
# on the store and goes live when it is released, as when the primary dies). Both gateway nodes take
# HTTP posts, consume the inbound and delivery queues, and pick up the one shared inbox/
# (gateway.ingest.shared-inbox), deliver into the one shared outbox/ and quarantine into the one
# quarantine/ (an operator's release on either node finds the files), each linked into the node's
# own data folder; node B starts with node A's keys (body encryption, CPR hash, tracking id).
#
# The failover test sends N messages (default 5,000; every 50th one invalid) at RATE per second
# (default 50) through all three entry points at once (ClusterFeeder: the shared inbox/, HTTP posts
# to both nodes in turn, the inbound queue through the pair's failover URL) and, mid-stream: kills
# node A with SIGKILL and starts it again; kills the primary broker with SIGKILL (the backup goes
# live), then starts the primary again (it takes over from the backup: failback); stops PostgreSQL
# as a crash would and starts it again; stops node B gently (SIGTERM, as a rolling upgrade does) and
# starts it again. Then it checks that every valid message is in its recipient's outbox exactly
# once, with one positive receipt in the sender's outbox; that every invalid one is quarantined
# exactly once, with its original in quarantine/ and one negative receipt; and that the journal says
# the same. One summary line; exit 1 if anything is off.
#
# Builds nothing: needs target/medcom-gateway.jar, and for the test the compiled test classes
# (mvn -B verify). Environment: CLUSTER_DIR (/tmp/medcom-cluster), PORT_A (18281), PORT_B (18282),
# PG_PORT (55433), JAVA_OPTS; for the test N, RATE, TIMEOUT (seconds to wait for the last
# deliveries, 600), KEEP=1 (keep the data after the test).
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
NODE_ARGS=()
BROKER_URL='(tcp://127.0.0.1:61616,tcp://127.0.0.1:61617)?ha=true&reconnectAttempts=-1&initialConnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=2.0&maxRetryInterval=10000'

log() { echo "[$(date +%H:%M:%S)] $*"; }

# start <name> <log> <command...>: in the background, its pid in $WORK/<name>.pid
start() {
  local name=$1 out=$2; shift 2
  "$@" >>"$out" 2>&1 &
  echo $! >"$WORK/$name.pid"
  disown $! # no "Killed" line from the shell when the test kills it
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

broker_again() { # <name>: the instance made by broker(), started again (its old log kept beside)
  mv "$WORK/$1.log" "$WORK/$1.log.$(date +%s)"
  start "$1" "$WORK/$1.log" "$WORK/$1/bin/artemis" run
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
    --spring.artemis.password="$BROKER_PASSWORD" "${NODE_ARGS[@]}"
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

# --- the failover test --------------------------------------------------------------------------
SAMPLE=samples/xdis91/xdis91-valid-needs-assessment.xml
INVALID=samples/xdis91/xdis91-invalid-missing-patient.xml
RECIPIENT=5790001000011
SENDER=5790000100019

now_s() { date +%s; }
api() { curl -fs -u operator:demo-operator "http://127.0.0.1:$PORT_A$1"; }

# copies of the samples, each with its own envelope and letter identifier: CE/CL<12 digits> valid,
# QE/QL<12 digits> invalid (every 50th)
make_messages() {
  mkdir -p "$WORK/messages"
  awk -v n="$N" -v dir="$WORK/messages" -v valid="$SAMPLE" -v invalid="$INVALID" '
    BEGIN {
      while ((getline line < valid) > 0) v[++nv] = line
      while ((getline line < invalid) > 0) q[++nq] = line
      for (i = 1; i <= n; i++) {
        bad = (i % 50 == 0); file = sprintf("%s/m%06d.xml", dir, i); env = 0; let = 0
        count = bad ? nq : nv
        for (l = 1; l <= count; l++) {
          line = bad ? q[l] : v[l]
          if (!env && line ~ /<Identifier>/) { sub(/<Identifier>[^<]*</, sprintf("<Identifier>%sE%012d<", bad ? "Q" : "C", i), line); env = 1 }
          else if (env && !let && line ~ /<Identifier>/) { sub(/<Identifier>[^<]*</, sprintf("<Identifier>%sL%012d<", bad ? "Q" : "C", i), line); let = 1 }
          print line > file
        }
        close(file)
      }
    }'
  VALID=$(( N - N / 50 )); REJECTS=$(( N / 50 ))
}

accepted() { if [ -f "$WORK/accepted.txt" ]; then wc -l <"$WORK/accepted.txt"; else echo 0; fi; }
await_accepted() { # <count>: wait until the feeder has handed over that many
  while [ "$(accepted)" -lt "$1" ]; do
    kill -0 "$FEEDER_PID" 2>/dev/null || return 0
    sleep 0.5
  done
}
delivered_files() { find "$WORK/shared/outbox/$RECIPIENT" -maxdepth 1 -name '*.xml' 2>/dev/null | wc -l; }
quarantined_files() { find "$WORK/shared/quarantine" -maxdepth 1 -name '*.error.json' 2>/dev/null | wc -l; }

kill_node() { # <name> <signal>
  local pid; pid=$(cat "$WORK/node-$1.pid")
  kill "-$2" "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  rm -f "$WORK/node-$1.pid"
}

# the journal's envelope ids in a state, page by page (the API's total stops at 1,000)
journal_envelopes() { # <state> <file>
  : >"$2"
  local page=0 n
  while :; do
    n=$(api "/api/messages?state=$1&size=500&page=$page" | jq -r '.items[].envelopeId' | tee -a "$2" | wc -l)
    [ "$n" -eq 500 ] || break
    page=$((page + 1))
  done
}

# <what> <file of ids, one per line> <expected distinct> : exactly once each
exactly_once() {
  local total distinct twice
  total=$(wc -l <"$2"); distinct=$(sort -u "$2" | wc -l); twice=$(sort "$2" | uniq -d | wc -l)
  log "$1: $total, $distinct distinct of $3 expected, $twice more than once"
  [ "$total" -eq "$3" ] && [ "$distinct" -eq "$3" ]
}

# the original envelope ids the receipts of one kind (Positive|Negative) in the sender's outbox answer
receipts() {
  find "$WORK/shared/outbox/$SENDER" -maxdepth 1 -type f -print0 | xargs -0 -r grep -l "<$1Receipt>" |
    xargs -r grep -oh '<OriginalEnvelopeIdentifier>[^<]*' | sed 's/.*>//'
}

check_cluster() {
  local ok=0
  find "$WORK/shared/outbox/$RECIPIENT" -maxdepth 1 -name '*.xml' -print0 | xargs -0 -r grep -oh 'CE[0-9]\{12\}' >"$WORK/outbox.ids"
  exactly_once "outbox $RECIPIENT (letters)" "$WORK/outbox.ids" "$VALID" || ok=1
  receipts Positive >"$WORK/receipts-positive.ids"
  exactly_once "positive receipts to $SENDER" "$WORK/receipts-positive.ids" "$VALID" || ok=1
  grep -v '^CE' "$WORK/receipts-positive.ids" && { log "a positive receipt for an invalid letter"; ok=1; }
  journal_envelopes DELIVERED "$WORK/journal-delivered.ids"
  exactly_once "journal DELIVERED" "$WORK/journal-delivered.ids" "$VALID" || ok=1
  # invalid letters: quarantined once per arrival (a post sent again after a node died under it
  # arrives twice), each arrival with its original and reasons in quarantine/ and a negative receipt
  receipts Negative >"$WORK/receipts-negative.ids"
  local arrivals distinct
  arrivals=$(wc -l <"$WORK/receipts-negative.ids"); distinct=$(sort -u "$WORK/receipts-negative.ids" | wc -l)
  log "negative receipts to $SENDER: $arrivals, for $distinct distinct letters of $REJECTS invalid sent"
  [ "$distinct" -eq "$REJECTS" ] || ok=1
  grep -v '^QE' "$WORK/receipts-negative.ids" && { log "a valid letter was rejected"; ok=1; }
  local page=0 n
  : >"$WORK/journal-quarantined.tids"
  while :; do
    n=$(api "/api/messages?state=QUARANTINED&size=500&page=$page" | jq -r '.items[].trackingId' | tee -a "$WORK/journal-quarantined.tids" | wc -l)
    [ "$n" -eq 500 ] || break
    page=$((page + 1))
  done
  find "$WORK/shared/quarantine" -maxdepth 1 -name '*.error.json' -printf '%f\n' | sed 's/\..*//' | sort >"$WORK/quarantine.tids"
  local originals; originals=$(find "$WORK/shared/quarantine" -maxdepth 1 -type f ! -name '*.error.json' | wc -l)
  log "quarantine: $originals originals, $(wc -l <"$WORK/quarantine.tids") reasons, $(wc -l <"$WORK/journal-quarantined.tids") QUARANTINED in the journal, $arrivals negative receipts"
  if ! sort "$WORK/journal-quarantined.tids" | cmp -s - "$WORK/quarantine.tids" || [ "$originals" -ne "$arrivals" ] \
     || [ "$(wc -l <"$WORK/quarantine.tids")" -ne "$arrivals" ]; then ok=1; fi
  # nothing left behind: no message dead-lettered or stuck
  local dead; dead=$(api "/api/messages?state=DEAD_LETTER&size=1" | jq '.total')
  log "dead letters: $dead"
  [ "$dead" -eq 0 ] || ok=1
  return $ok
}

cluster_test() {
  N=${N:-5000}; RATE=${RATE:-50}; TIMEOUT=${TIMEOUT:-600}
  [ -f target/test-classes/dk/region/medcom/gateway/bench/ClusterFeeder.class ] || { echo "build first: mvn -B verify"; exit 2; }
  command -v jq >/dev/null || apt-get install -y -q jq >/dev/null
  local t0; t0=$(now_s)
  up >/dev/null
  trap 'down >/dev/null 2>&1 || true' EXIT
  make_messages
  log "feeding $N messages ($VALID valid, $REJECTS invalid) at $RATE/s through inbox/, HTTP to both nodes and the queue"
  local fed_at; fed_at=$(now_s)
  java -cp "target/test-classes:target/classes:target/lib/*" dk.region.medcom.gateway.bench.ClusterFeeder \
    "$WORK/messages" "$WORK/shared/inbox" "$WORK/staging" "http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" \
    sender:demo-sender "$BROKER_URL" "$BROKER_USER" "$BROKER_PASSWORD" medcom.inbound "$RATE" "$WORK/accepted.txt" \
    >"$WORK/feeder.log" 2>&1 &
  FEEDER_PID=$!

  await_accepted $(( N / 10 ))
  log "SIGKILL node A ($(accepted) handed over, $(delivered_files) delivered)"
  kill_node a KILL; node a "$PORT_A"
  await_accepted $(( N * 3 / 10 ))
  log "SIGKILL primary broker ($(accepted) handed over, $(delivered_files) delivered)"
  stop_pid primary KILL
  await_line backup "$WORK/backup.log" AMQ221010 "backup is live"
  broker_again primary
  await_line primary "$WORK/primary.log" AMQ221007 "primary live again (failback)"
  await_accepted $(( N * 55 / 100 ))
  log "PostgreSQL stopped as by a crash ($(accepted) handed over, $(delivered_files) delivered)"
  PG_DIR="$WORK/pgdata"; stop_postgres; sleep 2
  start_postgres
  log "PostgreSQL up again"
  await_accepted $(( N * 75 / 100 ))
  log "SIGTERM node B, as a rolling upgrade does ($(accepted) handed over, $(delivered_files) delivered)"
  kill_node b TERM; node b "$PORT_B"

  local feeder=0
  wait "$FEEDER_PID" || feeder=$?
  log "feeder done: $(accepted) of $N handed over$( [ $feeder = 0 ] || echo ", it gave up on some (see $WORK/feeder.log)")"
  local deadline=$(( $(now_s) + TIMEOUT ))
  while [ "$(delivered_files)" -lt "$VALID" ] || [ "$(quarantined_files)" -lt "$REJECTS" ]; do
    [ "$(now_s)" -lt "$deadline" ] || { log "timed out waiting: $(delivered_files) delivered, $(quarantined_files) quarantined"; break; }
    sleep 1
  done
  local took=$(( $(now_s) - fed_at ))
  sleep 10 # let a late duplicate show itself before counting
  local result=PASS
  [ "$feeder" = 0 ] && check_cluster || result=FAIL
  local retries; retries=$(awk '$3 > 1' "$WORK/accepted.txt" | wc -l)
  echo "cluster test: $result: $N messages ($(grep -c ' folder ' "$WORK/accepted.txt") inbox, $(grep -c ' http ' "$WORK/accepted.txt") HTTP, $(grep -c ' queue ' "$WORK/accepted.txt") queue; $retries sent again) over 2 nodes in ${took}s; node A SIGKILL, primary broker SIGKILL and failback, PostgreSQL crash and restart, node B SIGTERM; $VALID delivered exactly once and $REJECTS quarantined, receipts and journal agreeing: $( [ $result = PASS ] && echo yes || echo no) ($(( $(now_s) - t0 ))s in all)"
  [ "$result" = PASS ]
}

# --- one node against two: the same cluster, node B stopped for the second half ----------------
# The paced run and the burst of bench/throughput.sh, through the shared inbox/ (InboxFeeder: one
# file at a time, renamed into place), with both nodes up and then with node A alone, after a
# warm-up. Latency is inbox -> outbox (the outbox file's modification time). Environment: RATE
# (100), PACED_SECONDS (60), BURST (3000), WARMUP (20000), JAVA_OPTS (the full JIT).
cluster_bench() {
  RATE=${RATE:-100}; PACED_SECONDS=${PACED_SECONDS:-60}; BURST=${BURST:-3000}; WARMUP=${WARMUP:-20000}
  # the full JIT, as in production (the test's quick-JIT default starts faster and runs slower); a
  # warm-up of 10,000 per node, or the JIT's compiling takes the two cores while the nodes measure
  JAVA_OPTS=${JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}
  [ -f target/test-classes/dk/region/medcom/gateway/bench/InboxFeeder.class ] || { echo "build first: mvn -B verify"; exit 2; }
  NODE_ARGS=(--gateway.ingest.inbox-poll-ms=20 --gateway.ingest.inbox-settle-ms=1)
  up >/dev/null
  trap 'down >/dev/null 2>&1 || true' EXIT
  local outbox="$WORK/shared/outbox/$RECIPIENT" results=()
  delivered() { find "$outbox" -maxdepth 1 -name '*.xml' 2>/dev/null | wc -l; }
  await_delivered() { until [ "$(delivered)" -ge "$1" ]; do sleep 1; done; }
  stage() { # <prefix> <count>: copies of the sample, envelope ids <prefix><12 digits>, in staging/
    mkdir -p "$WORK/staging"
    awk -v p="$1" -v n="$2" -v dir="$WORK/staging" '{ lines[NR] = $0 } END { for (i = 1; i <= n; i++) { f = sprintf("%s/%s%05d.xml", dir, p, i); d = 0
        for (l = 1; l <= NR; l++) { s = lines[l]; if (!d && s ~ /<Identifier>/) { sub(/<Identifier>[^<]*</, sprintf("<Identifier>%s%012d<", p, i), s); d = 1 }
          print s > f } close(f) } }' "$SAMPLE"
  }
  times() { # <prefix>: "<envelope id> <outbox file mtime>"
    find "$outbox" -maxdepth 1 -name '*.xml' -printf '%p %T@\n' >"$WORK/mtimes"
    { find "$outbox" -maxdepth 1 -name '*.xml' -print0 | xargs -0 grep -o -m1 -H "$1[0-9]\{12\}" || true; } |
      awk -F: 'NR == FNR { split($0, f, " "); at[f[1]] = f[2]; next } { print $2, at[$1] }' "$WORK/mtimes" -
  }
  percentiles() { # <fed file> <times file> <prefix>
    awk -v p="$3" 'NR == FNR { id = sprintf("%s%012d", p, substr($1, 3) + 0); fed[id] = $2; next }
         ($1 in fed) { print int(($2 - fed[$1]) * 1000) }' "$1" "$2" | sort -n |
      awk '{ v[NR] = $1 } END { printf "p50 %d ms, p99 %d ms (n=%d)", v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1], NR }'
  }
  machine_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%d", ($2 + $3 + $4 + $7 + $8) * 1000 / hz }' /proc/stat; }
  stage WU "$WARMUP"; find "$WORK/staging" -name '*.xml' -print0 | xargs -0 mv -t "$WORK/shared/inbox/"
  await_delivered "$WARMUP"; log "warm-up: $WARMUP delivered over both nodes"
  local nodes prefix bprefix before t0 t1 c0 c1 paced burst
  for nodes in 2 1; do
    prefix=P$nodes; bprefix=B$nodes
    if [ "$nodes" = 1 ]; then stop_pid node-b TERM; log "node B stopped: node A alone"; fi
    before=$(delivered)
    java -cp target/test-classes dk.region.medcom.gateway.bench.InboxFeeder "$SAMPLE" "$WORK/shared/inbox" "$prefix" \
      "$(( RATE * PACED_SECONDS ))" "$RATE" "$WORK/paced$nodes.fed"
    await_delivered $(( before + RATE * PACED_SECONDS ))
    times "$prefix" >"$WORK/paced$nodes.out"
    paced=$(percentiles "$WORK/paced$nodes.fed" "$WORK/paced$nodes.out" "$prefix")
    log "$nodes node(s), paced $RATE/s for $PACED_SECONDS s: inbox->outbox $paced"
    stage "$bprefix" "$BURST"
    before=$(delivered); c0=$(machine_cpu_ms); t0=$EPOCHREALTIME
    find "$WORK/staging" -name '*.xml' -print0 | xargs -0 mv -t "$WORK/shared/inbox/"
    awk -v n="$BURST" -v t="$t0" -v p="$bprefix" 'BEGIN { for (i = 1; i <= n; i++) printf "%s%05d %s\n", p, i, t }' >"$WORK/burst$nodes.fed"
    await_delivered $(( before + BURST )); c1=$(machine_cpu_ms)
    times "$bprefix" >"$WORK/burst$nodes.out"
    t1=$(awk 'BEGIN { t = 0 } $2 > t { t = $2 } END { printf "%.6f", t }' "$WORK/burst$nodes.out")
    burst="$(awk -v n="$BURST" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }') msg/s, $(awk -v a="$c0" -v b="$c1" -v n="$BURST" 'BEGIN { printf "%.1f", (b - a) / n }') ms CPU/message (whole machine)"
    log "$nodes node(s), burst of $BURST: $burst"
    results+=("$nodes node(s): paced $RATE/s $paced; burst $burst")
  done
  echo
  echo "cluster bench, $(nproc) cores, Artemis shared-store pair + PostgreSQL, shared inbox/:"
  printf '  %s\n' "${results[@]}"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  test) cluster_test ;;
  bench) cluster_bench ;;
  *) echo "usage: bench/cluster.sh up|down|test|bench"; exit 2 ;;
esac
