#!/usr/bin/env bash
# Throughput: N messages inbox/ -> outbox/ through a persistent standalone Artemis broker and the
# journal, and the broker's raw persistent send+receive rate measured against the same broker in
# the same run (dk.region.medcom.gateway.bench.ArtemisRawRate).
#
#   bench/throughput.sh            N=2000 by default; PORT (18282); GATEWAY_ARGS: more --property=value
#   BROKER=embedded bench/throughput.sh   the same through the embedded broker (no raw broker figure then)
#   JOURNAL=postgres bench/throughput.sh  the journal in PostgreSQL (Debian's package, started here) instead of H2
#   WARMUP=15000 RATE=100 PACED_SECONDS=20 PACED_RUNS=1 SKIP_PACED=0   the other knobs, with their defaults
#   KEEP=1 keeps the work folder; JAVA_EXTRA adds JVM options (a flight recording, say)
#
# First WARMUP messages (the JIT compiles the pipeline meanwhile; not measured), then a paced run
# of RATE messages/s for PACED_SECONDS (p50/p99 inbox->outbox latency), then a burst of N files at
# once (messages/s; its latencies are mostly queueing). inbox/ is polled every 20 ms without a
# settle time, as for senders that write under a temporary name and rename (README: ingest).
# Needs target/medcom-gateway.jar and compiled test classes (mvn -B verify).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/postgres.sh
N=${N:-2000}
PORT=${PORT:-18282}
JAR=${JAR:-target/medcom-gateway.jar}
SAMPLE=samples/xdis91/xdis91-valid-needs-assessment.xml
RECIPIENT=5790001000011
ARTEMIS_VERSION=2.40.0
[ -f "$JAR" ] && [ -d target/test-classes/dk/region/medcom/gateway/bench ] || { echo "build first: mvn -B verify"; exit 2; }
WORK=$(mktemp -d /tmp/medcom-throughput.XXXXXX)
GW_PID=""; ART_PID=""
trap '[ -n "$GW_PID" ] && kill $GW_PID 2>/dev/null; [ -n "$ART_PID" ] && kill $ART_PID 2>/dev/null; wait 2>/dev/null; stop_postgres; [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
log() { echo "[$(date +%H:%M:%S)] $*"; }

BROKER=${BROKER:-standalone}
BROKER_ARGS=(--spring.artemis.mode=native --spring.artemis.embedded.enabled=false
  --spring.artemis.broker-url=tcp://127.0.0.1:61616 --spring.artemis.user=medcom --spring.artemis.password=bench)
[ "$BROKER" = embedded ] && BROKER_ARGS=()

# --- broker ---
if [ "$BROKER" = standalone ]; then
TGZ="$HOME/.m2/repository/org/apache/activemq/apache-artemis/$ARTEMIS_VERSION/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz"
[ -f "$TGZ" ] || mvn -B -q dependency:get -Dartifact="org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" -Dtransitive=false
tar -xzf "$TGZ" -C "$WORK"
"$WORK/apache-artemis-$ARTEMIS_VERSION/bin/artemis" create "$WORK/broker" --silent --user medcom --password bench \
  --require-login --host 127.0.0.1 --http-host 127.0.0.1 --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor \
  --no-hornetq-acceptor >/dev/null
"$WORK/broker/bin/artemis" run >"$WORK/broker.log" 2>&1 & ART_PID=$!
until grep -q AMQ221007 "$WORK/broker.log"; do sleep 0.2; done
log "broker live"
fi

# --- journal ---
JOURNAL=${JOURNAL:-h2}
JOURNAL_ARGS=()
if [ "$JOURNAL" = postgres ]; then
  PG_PORT=${PG_PORT:-55433}
  start_postgres
  export GATEWAY_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/medcom" GATEWAY_DB_USER=medcom GATEWAY_DB_PASSWORD="$PG_PASSWORD"
  JOURNAL_ARGS=(--spring.profiles.active=postgres)
  log "postgresql live"
fi

# --- gateway ---
DATA="$WORK/data"; mkdir -p "$DATA/inbox"
java -Xmx512m -Xlog:gc,safepoint:file="$WORK/gc.log":uptime ${JAVA_EXTRA:-} -jar "$JAR" --gateway.data-dir="$DATA" --server.port="$PORT" --gateway.ingest.inbox-poll-ms=20 --gateway.ingest.inbox-settle-ms=1 \
  "${BROKER_ARGS[@]}" "${JOURNAL_ARGS[@]}" ${GATEWAY_ARGS:-} >"$WORK/gateway.log" 2>&1 & GW_PID=$!
until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 $GW_PID 2>/dev/null || { tail -30 "$WORK/gateway.log"; exit 1; }; sleep 0.2
done
log "gateway up"

# copies of the sample with unique envelope ids (TE + 12 digits)
make() { # prefix count dir
  mkdir -p "$3"
  awk -v p="$1" -v n="$2" -v dir="$3" '{ lines[NR] = $0 } END { for (i = 1; i <= n; i++) { f = sprintf("%s/%s%05d.xml", dir, p, i); d = 0
      for (l = 1; l <= NR; l++) { s = lines[l]; if (!d && s ~ /<Identifier>/) { sub(/<Identifier>[^<]*</, sprintf("<Identifier>%s%012d<", p, i), s); d = 1 }
        print s > f } close(f) } }' "$SAMPLE"
}
delivered() { { find "$DATA/outbox/$RECIPIENT" -maxdepth 1 -name '*.xml' 2>/dev/null || true; } | wc -l; }
# once a second: listing outbox/ costs ~50 ms of CPU per 20,000 files, which every 0.2 s took
# about a tenth of the machine away from the gateway during a burst
await_delivered() { until [ "$(delivered)" -ge "$1" ]; do sleep 1; done; }
# "envelope-id epoch-seconds" of each delivered file (its modification time: when it was written);
# one grep over all files, not one process per file
outbox_times() {
  find "$DATA/outbox/$RECIPIENT" -maxdepth 1 -name '*.xml' -printf '%p %T@\n' >"$WORK/mtimes"
  # (grep answers 1 for a batch of files without the prefix: not an error here)
  { find "$DATA/outbox/$RECIPIENT" -maxdepth 1 -name '*.xml' -print0 | xargs -0 grep -o -m1 -H "$1[0-9]\{12\}" || true; } |
    awk -F: 'NR == FNR { split($0, f, " "); at[f[1]] = f[2]; next } { print $2, at[$1] }' "$WORK/mtimes" -
}
# CPU time (user + system) a process has used, in milliseconds; 0 without a process
cpu_ms() { [ -n "${1:-}" ] && awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat" || echo 0; }
# CPU time the whole machine has used (every process: gateway, broker, PostgreSQL, the kernel), in ms
machine_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%d", ($2 + $3 + $4 + $7 + $8) * 1000 / hz }' /proc/stat; }
percentiles() { # fed-file delivered-file prefix -> "p50 p99" in ms
  awk -v p="$3" 'NR == FNR { id = sprintf("%s%012d", p, substr($1, 3) + 0); fed[id] = $2; next }
       ($1 in fed) { print int(($2 - fed[$1]) * 1000) }' "$1" "$2" | sort -n |
    awk '{ v[NR] = $1 } END { printf "p50 %d ms, p99 %d ms (n=%d)", v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1], NR }'
}

# --- warm-up: the JIT compiles the pipeline's code during the first thousands of messages ---
WARMUP=${WARMUP:-15000}
if [ "$WARMUP" -gt 0 ]; then
make WU "$WARMUP" "$DATA/staging"
find "$DATA/staging" -name "*.xml" -print0 | xargs -0 mv -t "$DATA/inbox/"
await_delivered "$WARMUP"
log "warm-up: $WARMUP messages delivered"
fi

# --- paced: RATE messages/s for PACED_SECONDS (InboxFeeder: a steady rate, each file renamed into place) ---
RATE=${RATE:-100}
PACED_SECONDS=${PACED_SECONDS:-20}
PACED="not measured"
if [ "${SKIP_PACED:-0}" = 0 ]; then
PACED=""
PACED_N=$(( RATE * PACED_SECONDS ))
# PACED_RUNS runs one after the other (prefixes PA, PB, ...): the tail differs from run to run
for run in $(seq 1 "${PACED_RUNS:-1}"); do
prefix=P$(printf "\\$(printf %03o $((64 + run)))")
before=$(delivered)
java -cp "target/test-classes" dk.region.medcom.gateway.bench.InboxFeeder "$SAMPLE" "$DATA/inbox" "$prefix" "$PACED_N" "$RATE" "$WORK/paced.fed"
await_delivered $(( before + PACED_N ))
outbox_times "$prefix" >"$WORK/paced.out"
result=$(percentiles "$WORK/paced.fed" "$WORK/paced.out" "$prefix")
log "paced $RATE/s for $PACED_SECONDS s: inbox->outbox $result"
PACED="$PACED${PACED:+; }$result"
done
fi

# --- burst: N messages as fast as they can be written ---
# staged beside inbox/ (same file system) and moved in with one mv: renames, so the feeder is not the bottleneck
make TE "$N" "$DATA/staging"
before=$(delivered)
cpu0=$(cpu_ms "$GW_PID"); bcpu0=$(cpu_ms "$ART_PID"); mcpu0=$(machine_cpu_ms)
t0=$EPOCHREALTIME
find "$DATA/staging" -name "*.xml" -print0 | xargs -0 mv -t "$DATA/inbox/"
fed=$EPOCHREALTIME
awk -v n="$N" -v t="$t0" 'BEGIN { for (i = 1; i <= n; i++) printf "TE%05d %s\n", i, t }' >"$WORK/burst.fed"
await_delivered $(( before + N ))
CPU="gateway $(awk -v a="$cpu0" -v b="$(cpu_ms "$GW_PID")" -v n="$N" 'BEGIN { printf "%.1f", (b - a) / n }') ms CPU/message"
[ -n "$ART_PID" ] && CPU="$CPU, broker $(awk -v a="$bcpu0" -v b="$(cpu_ms "$ART_PID")" -v n="$N" 'BEGIN { printf "%.1f", (b - a) / n }')"
CPU="$CPU, whole machine $(awk -v a="$mcpu0" -v b="$(machine_cpu_ms)" -v n="$N" 'BEGIN { printf "%.1f", (b - a) / n }') ms"
outbox_times TE >"$WORK/burst.out"
# the burst ends when its last file was written (not when the poll above noticed)
t1=$(awk 'BEGIN { t = 0 } $2 > t { t = $2 } END { printf "%.6f", t }' "$WORK/burst.out")
BURST_RATE=$(awk -v n="$N" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }')
BURST=$(percentiles "$WORK/burst.fed" "$WORK/burst.out" TE)
log "burst of $N: fed in $(awk -v a="$t0" -v b="$fed" 'BEGIN { printf "%.1f", b - a }') s, all delivered after $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s: $BURST_RATE msg/s; inbox->outbox $BURST"

# --- the broker alone, same broker, same run ---
RAW="artemis raw: not measured (embedded broker)"
if [ "$BROKER" = standalone ]; then
CP="$WORK/cp.txt"
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$CP" -Dmdep.includeScope=test >/dev/null
RAW=$(java -cp "target/test-classes:$(cat "$CP")" dk.region.medcom.gateway.bench.ArtemisRawRate \
  tcp://127.0.0.1:61616 medcom bench "$N" "$SAMPLE")
fi
log "$RAW"

echo
echo "gateway, $BROKER persistent Artemis + $JOURNAL journal, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg):"
echo "  burst of $N: $BURST_RATE msg/s inbox->outbox; latency $BURST; $CPU"
echo "  paced $RATE msg/s: latency $PACED"
echo "  $RAW"
if [ "$JOURNAL" = h2 ] && [ -f "$DATA/journal/gateway.mv.db" ]; then
  total=$(delivered); bytes=$(stat -c %s "$DATA/journal/gateway.mv.db")
  echo "  H2 journal file: $((bytes / 1048576)) MB after $total messages ($((bytes / total / 1024)) KB per message)"
fi
