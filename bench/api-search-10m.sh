#!/usr/bin/env bash
# Searching the journal through the HTTP API at 10,000,000 messages (N; spread over 400 days)
# in PostgreSQL (JournalFiller: letters by type, sender, receiver, municipality and outcome, each with
# its stage history), then the p50 and p95 answer times of GET /api/messages searches (by letter id,
# by sender and a time range, by state) and of one message's detail, as the demo operator (HTTP basic).
# Each search asks for other values at every request (ids, senders and time ranges taken from the
# journal), so the answers do not all come from the same few cached pages. Not a test: a measurement
# (README "Measured", docs/performance.md).
#
#   bench/api-search-10m.sh            N=10000000, REQUESTS=100 per search (after 20 not counted), PORT=18284
#   KEEP=1 keeps the work folder (the filled journal and its server); FILLED=<that folder> measures
#   it again without filling
# Needs target/medcom-gateway.jar and compiled test classes (mvn -B verify). Disk: 21 GB at 10M, and up
# to 4 GB of WAL while filling; filling took 43 min on a shared 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/postgres.sh
N=${N:-10000000}
REQUESTS=${REQUESTS:-100}
PORT=${PORT:-18284}
JAR=target/medcom-gateway.jar
. bench/filled-journal.sh medcom-search
DATA="$WORK/data"; mkdir -p "$DATA"
PG_PORT=${PG_PORT:-55435}
# a bulk load of 10,000,000 messages checkpoints less often with more WAL between checkpoints
PG_OPTIONS="-c max_wal_size=4GB" start_postgres
export GATEWAY_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/medcom" GATEWAY_DB_USER=medcom GATEWAY_DB_PASSWORD="$PG_PASSWORD"
sql() { PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U medcom -d medcom -qAtX -F ' ' -c "$1"; }

fill "$GATEWAY_DB_URL" medcom "$PG_PASSWORD" "$N"
log "journal: $(sql "select count(*) from message") messages, $(sql "select pg_size_pretty(pg_database_size('medcom'))") on disk"

start_gateway demo,postgres

# what to ask for: messages spread over the whole journal (a sample of its pages), one request each
COUNT=$(( REQUESTS + 20 ))
TOTAL=$(sql "select count(*) from message")
sql "select letter_id, tracking_id, sender_location from message
     tablesample bernoulli ($(awk -v c=$COUNT -v t=$TOTAL 'BEGIN { p = 300 * c / t; print (p > 100 ? 100 : p) }')) repeatable (19)
     order by random() limit $COUNT" >"$WORK/sample"
[ "$(wc -l <"$WORK/sample")" -ge "$COUNT" ] || { echo "the journal's sample is too small"; exit 1; }
api=/api/messages
awk -v api=$api '{ print api "?letterId=" $1 }' "$WORK/sample" >"$WORK/letters"
awk -v api=$api '{ print api "/" $2 }' "$WORK/sample" >"$WORK/details"
# a sender and a range ending on a day of the past year (ranges are days, as an operator asks)
ranges() { # days
  local n=0 sender day
  while read -r _ _ sender; do
    day=$(( (n * 37) % 365 )); n=$(( n + 1 ))
    echo "$api?sender=$sender&from=$(date -u -d "$(( day + $1 )) days ago" +%Y-%m-%d)&to=$(date -u -d "$day days ago" +%Y-%m-%d)"
  done <"$WORK/sample"
}
ranges 7 >"$WORK/sender7"
ranges 30 >"$WORK/sender30"

# p50 and p95 in ms of REQUESTS answers (after 20 not counted, for the JIT)
measure() { # name url-or-@urlsfile [expected total]
  local name=$1 target=$2 times="$WORK/times" url t; : >"$times"
  for i in $(seq 1 $COUNT); do
    if [ "${target:0:1}" = @ ]; then url="http://127.0.0.1:$PORT$(sed -n "${i}p" "${target:1}")"; else url="http://127.0.0.1:$PORT$target"; fi
    t=$(curl -s -o "$WORK/answer" -w '%{http_code} %{time_total}' -u operator:demo-operator "$url")
    [ "${t%% *}" = 200 ] || { echo "$name: $url answered ${t%% *}"; exit 1; }
    if [ -n "${3:-}" ] && ! grep -q "\"total\":$3," "$WORK/answer"; then echo "$name: $url: not $3 found: $(head -c 300 "$WORK/answer")"; exit 1; fi
    [ "$i" -gt 20 ] && echo "${t#* }" >>"$times"
  done
  sort -n "$times" | awk -v name="$name" '{ v[NR] = $1 * 1000 } END { printf "%-48s p50 %4.0f ms  p95 %4.0f ms  (n=%d)\n", name, v[int(NR * 0.5) + 1], v[int(NR * 0.95) + 1], NR }'
}
echo "API searches at $TOTAL messages, PostgreSQL journal:"
measure "by letter id (an existing one, each time another)" "@$WORK/letters" 1
measure "by letter id (none has it)" "$api?letterId=0000000000x" 0
measure "by sender, 7 days" "@$WORK/sender7"
measure "by sender, 30 days" "@$WORK/sender30"
measure "by state: QUARANTINED (3 %)" "$api?state=QUARANTINED"
measure "by state: DEAD_LETTER (1 %)" "$api?state=DEAD_LETTER"
measure "by state: ACKNOWLEDGED (90 %)" "$api?state=ACKNOWLEDGED"
measure "one message's detail (/api/messages/{id})" "@$WORK/details"
