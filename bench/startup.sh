#!/usr/bin/env bash
# Measures the gateway as an operator meets it: time from start to /actuator/health UP, resident
# memory when idle, and how long a sample takes from inbox/ to outbox/. Rerun any time:
#   bench/startup.sh                          # as README starts it: bin/medcom-gateway
#   LAUNCH=jar bench/startup.sh               # plain java -jar target/medcom-gateway.jar, JVM defaults
#   LAUNCH=jar bench/startup.sh -Xmx256m      # the same with extra JVM options
# Needs a build (mvn -B -DskipTests package). Uses a throw-away data directory and port 18080.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/medcom-gateway.jar
PORT=${PORT:-18080}
DATA=$(mktemp -d /tmp/medcom-bench.XXXXXX)
SAMPLE=${SAMPLE:-samples/xdis91/xdis91-valid-needs-assessment.xml}
RECIPIENT=${RECIPIENT:-5790001000011}
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT

now_ms() { date +%s%3N; }
delivered() { { find "$DATA/outbox/$RECIPIENT" -maxdepth 1 -type f ! -name '.*' 2>/dev/null || true; } | wc -l; }

start=$(now_ms)
if [ "${LAUNCH:-script}" = jar ]; then
  java "$@" -jar "$JAR" --gateway.data-dir="$DATA" --server.port="$PORT" >/tmp/medcom-bench.log 2>&1 &
else
  bin/medcom-gateway --gateway.data-dir="$DATA" --server.port="$PORT" >/tmp/medcom-bench.log 2>&1 &
fi
PID=$!
until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 $PID 2>/dev/null || { echo "gateway died; see /tmp/medcom-bench.log"; exit 1; }
  sleep 0.1
done
up=$(now_ms)
echo "start to health UP: $(( up - start )) ms"

sleep 10
echo "RSS idle after 10 s: $(( $(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024 )) MB"

for i in 1 2 3 4 5; do
  before=$(delivered)
  t0=$(now_ms)
  # a new envelope identifier each time: the same letter twice would (rightly) be a duplicate
  sed "0,/<Identifier>[^<]*</s//<Identifier>BENCH$(date +%s%N | tail -c 10)</" "$SAMPLE" > "$DATA/inbox/.bench-$i.part"
  mv "$DATA/inbox/.bench-$i.part" "$DATA/inbox/bench-$i.xml"
  until [ "$(delivered)" -gt "$before" ]; do sleep 0.01; done
  echo "inbox to outbox, message $i: $(( $(now_ms) - t0 )) ms"
done
echo "RSS after the messages: $(( $(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024 )) MB"
