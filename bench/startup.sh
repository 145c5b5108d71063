#!/usr/bin/env bash
# Measures the gateway as an operator meets it: time from start to /actuator/health UP, resident
# memory when idle, and how long a sample takes from inbox/ to outbox/. Rerun any time:
#   bench/startup.sh                          # as README starts it: bin/medcom-gateway
#   LAUNCH=jar bench/startup.sh               # plain java -jar target/medcom-gateway.jar, JVM defaults
#   LAUNCH=jar bench/startup.sh -Xmx256m      # the same with extra JVM options
#   bench/startup.sh quickstart               # README's quick start as a newcomer follows it, timed:
#                                             # git clone, README's run command, the tour's first letter
# Needs a build (mvn -B -DskipTests package), but for quickstart, which clones the committed HEAD
# and builds it. Uses a throw-away data directory and port 18080 (quickstart: ./data of the clone
# and README's port, 8080, which must be free).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = quickstart ]; then
  REPO=$(pwd)
  WORK=$(mktemp -d /tmp/medcom-quickstart.XXXXXX)
  PID=""
  # the build and the gateway in a process group of their own, stopped as one
  trap '[ -n "$PID" ] && { kill -- -"$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }; rm -rf "$WORK"' EXIT
  ms() { date +%s%3N; }
  t0=$(ms)
  git clone -q "$REPO" "$WORK/medcom-gateway"
  cd "$WORK/medcom-gateway"
  # README's run command, word for word
  setsid sh -c 'mvn -B -DskipTests package && bin/medcom-gateway' >"$WORK/run.log" 2>&1 &
  PID=$!
  until grep -q 'Started GatewayApplication' "$WORK/run.log"; do
    kill -0 $PID 2>/dev/null || { tail -30 "$WORK/run.log"; echo "the quick start died"; exit 1; }
    sleep 0.2
  done
  t_started=$(ms)
  built=$(grep -m1 -o 'Total time: .*' "$WORK/run.log" || true)
  # the tour's first step, word for word
  cp samples/xdis91/xdis91-valid-needs-assessment.xml data/inbox/letter.xml.part
  mv data/inbox/letter.xml.part data/inbox/letter.xml
  until [ -n "$(ls data/outbox/5790001000011/ 2>/dev/null)" ]; do sleep 0.05; done
  t_delivered=$(ms)
  # CPU used, which other work on the machine does not change: Maven (a finished child of the
  # shell) and the gateway so far (the shell's running child)
  gateway=$(pgrep -P "$PID" java)
  ticks=$(getconf CLK_TCK)
  maven_cpu=$(awk -v t="$ticks" '{ printf "%.1f", ($16 + $17) / t }' /proc/"$PID"/stat)
  gateway_cpu=$(awk -v t="$ticks" '{ printf "%.1f", ($14 + $15) / t }' /proc/"$gateway"/stat)
  echo "git clone to gateway started: $(( t_started - t0 )) ms (maven: $built)"
  echo "git clone to the first letter in data/outbox/: $(( t_delivered - t0 )) ms (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "CPU: maven ${maven_cpu} s, gateway to the first letter ${gateway_cpu} s"
  exit 0
fi
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
