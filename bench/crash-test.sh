#!/usr/bin/env bash
# Crash test: no message lost, none delivered twice, across SIGKILLs.
#
#   bench/crash-test.sh [embedded|artemis|postgres|all]   (default: all)
#
#   embedded  the defaults: embedded Artemis and H2 under a temporary data directory
#   artemis   a standalone Artemis broker on loopback (from Maven Central), restarted mid-stream, with
#             the gateway's broker settings (config/artemis/medcom-address-settings.xml) included
#   postgres  PostgreSQL as the journal (postgres profile), embedded Artemis
#
# Each run feeds N (default 2000) copies of a valid sample, each with its own Envelope and Letter
# identifier, into inbox/, kills the gateway with SIGKILL twice at random moments and starts it
# again, then checks that every message is in its recipient's outbox exactly once and that the
# journal (through the API) says DELIVERED exactly once for each. Builds nothing: needs
# target/medcom-gateway.jar (mvn -B verify or mvn -B -DskipTests package).
# Environment: N, PORT (18181), JAVA_OPTS (default: quick start, -XX:TieredStopAtLevel=1),, TIMEOUT (seconds to wait for delivery, 300), KEEP=1 keeps the data.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/postgres.sh
. bench/artemis.sh
MODE=${1:-all}
N=${N:-2000}
PORT=${PORT:-18181}
TIMEOUT=${TIMEOUT:-300}
JAR=target/medcom-gateway.jar
SAMPLE=samples/xdis91/xdis91-valid-needs-assessment.xml
RECIPIENT=5790001000011
OPERATOR=operator:demo-operator
ARTEMIS_VERSION=2.40.0
PG_PORT=${PG_PORT:-55432}
[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -B -DskipTests package)"; exit 2; }
command -v jq >/dev/null || apt-get install -y -q jq >/dev/null

WORK=$(mktemp -d /tmp/medcom-crash.XXXXXX)
GW_PID=""; ART_PID=""; PG_DIR=""
cleanup() {
  [ -n "$GW_PID" ] && kill -9 "$GW_PID" 2>/dev/null || true
  [ -n "$ART_PID" ] && kill "$ART_PID" 2>/dev/null || true
  stop_postgres
  [ "${KEEP:-0}" = 1 ] && echo "data kept in $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

log() { echo "[$(date +%H:%M:%S)] $*"; }
now_s() { date +%s; }

# --- the gateway -------------------------------------------------------------------------------
start_gateway() {
  java ${JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar "$JAR" --gateway.data-dir="$DATA" --server.port="$PORT" \
    --gateway.ingest.inbox-poll-ms=100 --spring.profiles.include=demo "${EXTRA_ARGS[@]}" >>"$DATA.log" 2>&1 &
  GW_PID=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$GW_PID" 2>/dev/null || { echo "gateway died; tail of $DATA.log:"; tail -30 "$DATA.log"; exit 1; }
    sleep 0.2
  done
}

kill_gateway() {
  kill -9 "$GW_PID"; wait "$GW_PID" 2>/dev/null || true; GW_PID=""
}

delivered_files() { find "$DATA/outbox/$RECIPIENT" -maxdepth 1 -name '*.xml' 2>/dev/null | wc -l; }

# --- the messages: copies of the sample, each with its own envelope (CE...) and letter (CL...) id ---
make_messages() {
  mkdir -p "$WORK/messages"
  awk -v n="$N" -v dir="$WORK/messages" '
    { lines[NR] = $0 }
    END {
      for (i = 1; i <= n; i++) {
        file = sprintf("%s/m%05d.xml", dir, i); env = 0; let = 0
        for (l = 1; l <= NR; l++) {
          line = lines[l]
          if (!env && line ~ /<Identifier>/) { sub(/<Identifier>[^<]*</, sprintf("<Identifier>CE%012d<", i), line); env = 1 }
          else if (env && !let && line ~ /<Identifier>/) { sub(/<Identifier>[^<]*</, sprintf("<Identifier>CL%012d<", i), line); let = 1 }
          print line > file
        }
        close(file)
      }
    }' "$SAMPLE"
}

# files are written beside inbox/ and renamed into it, as senders should: the gateway never sees
# half a file. In batches of 200 a second apart, so that the kills land while messages still arrive.
feed() {
  mkdir -p "$DATA/staging"
  cp "$WORK"/messages/*.xml "$DATA/staging/"
  ls "$DATA/staging" | split -l 200 - "$WORK/batch."
  for batch in "$WORK"/batch.*; do
    (cd "$DATA/staging" && xargs mv -t "$DATA/inbox/" <"$batch")
    sleep 1
  done
  rm -f "$WORK"/batch.*
}

await_all_delivered() {
  local deadline=$(( $(now_s) + TIMEOUT ))
  while [ "$(delivered_files)" -lt "$N" ] || [ -n "$(ls -A "$DATA/inbox" 2>/dev/null | grep -v '^\.' || true)" ]; do
    [ "$(now_s)" -lt "$deadline" ] || { log "timed out: $(delivered_files) of $N delivered"; return 1; }
    sleep 1
  done
  # let any redelivered duplicate show itself before counting
  sleep 5
}

api() { curl -fs -u "$OPERATOR" "http://127.0.0.1:$PORT$1"; }

check() {
  local failures=0
  local ids="$WORK/outbox-envelopes.txt"
  find "$DATA/outbox/$RECIPIENT" -maxdepth 1 -name '*.xml' -print0 | xargs -0 grep -oh 'CE[0-9]\{12\}' | sort >"$ids"
  local files distinct dup missing
  files=$(delivered_files); distinct=$(uniq "$ids" | wc -l); dup=$(uniq -d "$ids" | wc -l)
  missing=$(( N - distinct ))
  log "outbox: $files files, $distinct distinct envelopes, $dup delivered more than once, $missing missing"
  [ "$files" -eq "$N" ] && [ "$distinct" -eq "$N" ] && [ "$dup" -eq 0 ] || failures=1

  local total delivered jdistinct
  # counted page by page: the API's total stops at 1,000 (totalCapped)
  total=0
  local counted=0 n
  while :; do
    n=$(api "/api/messages?size=500&page=$counted" | jq '.items | length')
    total=$(( total + n )); counted=$(( counted + 1 ))
    [ "$n" -eq 500 ] || break
  done
  : >"$WORK/journal-envelopes.txt"
  local page=0
  while :; do
    api "/api/messages?state=DELIVERED&size=500&page=$page" | jq -r '.items[].envelopeId' >>"$WORK/journal-envelopes.txt"
    [ "$(( (page + 1) * 500 ))" -lt "$N" ] || break
    page=$((page + 1))
  done
  delivered=$(wc -l <"$WORK/journal-envelopes.txt"); jdistinct=$(sort -u "$WORK/journal-envelopes.txt" | wc -l)
  log "journal: $total messages, $delivered DELIVERED, $jdistinct distinct envelopes"
  [ "$total" -eq "$N" ] && [ "$delivered" -eq "$N" ] && [ "$jdistinct" -eq "$N" ] || failures=1
  if [ "$failures" -ne 0 ]; then
    api "/api/messages?size=20" | jq -c '.items[] | select(.state != "DELIVERED") | {trackingId, state, envelopeId}' | head -5
  fi
  return $failures
}

# --- one run ------------------------------------------------------------------------------------
run() {
  local name=$1; shift
  EXTRA_ARGS=("$@")
  DATA="$WORK/$name"; mkdir -p "$DATA/inbox"
  log "[$name] starting the gateway"
  local t0; t0=$(now_s)
  start_gateway
  log "[$name] feeding $N messages"
  local fed_at; fed_at=$(now_s)
  feed & local FEED_PID=$!
  for k in 1 2; do
    sleep "$(( 2 + RANDOM % 6 )).$(( RANDOM % 10 ))"
    [ "$name" = artemis ] && [ "$k" = 1 ] && restart_broker
    log "[$name] SIGKILL $k with $(delivered_files) delivered"
    kill_gateway
    start_gateway
    log "[$name] restarted"
  done
  wait "$FEED_PID"
  await_all_delivered || true
  local took=$(( $(now_s) - fed_at ))
  log "[$name] $(delivered_files) delivered in ${took}s after feeding began (two kills and restarts included)"
  if check; then RESULTS+=("$name: PASS ($N messages, 2 SIGKILLs, ${took}s)"); else RESULTS+=("$name: FAIL"); FAILED=1; fi
  kill_gateway
}

# --- standalone Artemis ---------------------------------------------------------------------------
start_broker() {
  "$BROKER/bin/artemis" run >>"$BROKER.log" 2>&1 &
  ART_PID=$!
  until grep -q "AMQ221007" "$BROKER.log" 2>/dev/null; do   # "Server is now live"
    kill -0 "$ART_PID" 2>/dev/null || { echo "broker died; see $BROKER.log"; tail -20 "$BROKER.log"; exit 1; }
    sleep 0.2
  done
}

restart_broker() {
  log "[artemis] restarting the broker"
  kill "$ART_PID"; wait "$ART_PID" 2>/dev/null || true
  : >"$BROKER.log"
  start_broker
  log "[artemis] broker live again"
}

RESULTS=(); FAILED=0
make_messages
case "$MODE" in embedded|all)
  run embedded
esac
case "$MODE" in artemis|all)
  BROKER="$WORK/broker"
  artemis_create "$BROKER" medcom medcom-crash-test
  start_broker
  run artemis --spring.artemis.mode=native --spring.artemis.embedded.enabled=false \
    "--spring.artemis.broker-url=tcp://127.0.0.1:61616?reconnectAttempts=-1&retryInterval=500" \
    --spring.artemis.user=medcom --spring.artemis.password=medcom-crash-test
  kill "$ART_PID"; wait "$ART_PID" 2>/dev/null || true; ART_PID=""
esac
case "$MODE" in postgres|all)
  start_postgres
  GATEWAY_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/medcom" GATEWAY_DB_USER=medcom GATEWAY_DB_PASSWORD="$PG_PASSWORD" \
    run postgres --spring.profiles.active=postgres
esac

echo
printf '%s\n' "${RESULTS[@]}"
exit $FAILED
