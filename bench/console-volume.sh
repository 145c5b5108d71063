#!/usr/bin/env bash
# The operations console at a region's volume: N messages in the journal (JournalFiller: a year of
# letters by type, sender, receiver, municipality and outcome, each with its stage history), then the
# p50 and p95 answer times of the message list, two filtered searches and message pages, logged in
# through the form as the demo operator. Not a test: a measurement (README "Measured", docs/performance.md).
#
#   bench/console-volume.sh            N=1000000, REQUESTS=200 per page, PORT=18283
#   JOURNAL=postgres bench/console-volume.sh   the journal in PostgreSQL (Debian's package, started here)
#   KEEP=1 keeps the work folder (the filled journal); FILLED=<that folder> measures it again
#   without filling (the same N and JOURNAL)
# Needs target/medcom-gateway.jar and compiled test classes (mvn -B verify).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/postgres.sh
N=${N:-1000000}
REQUESTS=${REQUESTS:-200}
PORT=${PORT:-18283}
JAR=target/medcom-gateway.jar
. bench/filled-journal.sh medcom-console
DATA="$WORK/data"; mkdir -p "$DATA/journal"
JOURNAL=${JOURNAL:-h2}
PROFILES=demo
if [ "$JOURNAL" = postgres ]; then
  PG_PORT=${PG_PORT:-55434}
  start_postgres
  URL="jdbc:postgresql://127.0.0.1:$PG_PORT/medcom"; USER=medcom; PASSWORD="$PG_PASSWORD"
  export GATEWAY_DB_URL="$URL" GATEWAY_DB_USER=medcom GATEWAY_DB_PASSWORD="$PG_PASSWORD"
  PROFILES=demo,postgres
else
  URL="jdbc:h2:file:$DATA/journal/gateway"; USER=sa; PASSWORD=""
fi

fill "$URL" "$USER" "$PASSWORD" "$N"
[ "$JOURNAL" = h2 ] && log "journal file: $(du -h "$DATA/journal/gateway.mv.db" | cut -f1)"

start_gateway "$PROFILES"

set +o pipefail # head ends the pipes below early, on purpose
# log in through the form, as a browser does: the login page's CSRF token, then the post
JAR_FILE="$WORK/cookies"
token=$(curl -s -c "$JAR_FILE" -b "$JAR_FILE" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$JAR_FILE" -b "$JAR_FILE" --data-urlencode "username=operator" --data-urlencode "password=demo-operator" \
  --data-urlencode "_csrf=$token" "http://127.0.0.1:$PORT/login"
curl -s -b "$JAR_FILE" "http://127.0.0.1:$PORT/messages?size=500" | grep -o '/messages/[0-9a-f-]\{36\}' | sort -u | head -200 >"$WORK/ids"
[ -s "$WORK/ids" ] || { echo "not logged in, or the list is empty"; exit 1; }
SENDER=$(curl -s -b "$JAR_FILE" "http://127.0.0.1:$PORT/messages" | grep -o 'sender=579[0-9]\{10\}' | head -1 | cut -d= -f2)
FROM=$(date -u -d '30 days ago' +%Y-%m-%d)

# p50 and p95 in ms of REQUESTS answers (after 20 not counted, for the JIT)
measure() { # name url-or-@idsfile
  local name=$1 target=$2 times="$WORK/times"; : >"$times"
  for i in $(seq 1 $(( REQUESTS + 20 ))); do
    if [ "${target:0:1}" = @ ]; then url="http://127.0.0.1:$PORT$(sed -n "$(( (i % $(wc -l <"${target:1}")) + 1 ))p" "${target:1}")"; else url="http://127.0.0.1:$PORT$target"; fi
    t=$(curl -s -o "$WORK/page" -w '%{http_code} %{time_total}' -b "$JAR_FILE" "$url")
    [ "${t%% *}" = 200 ] || { echo "$name: $url answered ${t%% *}"; exit 1; }
    [ "$i" -gt 20 ] && echo "${t#* }" >>"$times"
  done
  sort -n "$times" | awk -v name="$name" '{ v[NR] = $1 * 1000 } END { printf "%-40s p50 %4.0f ms  p95 %4.0f ms  (n=%d)\n", name, v[int(NR * 0.5) + 1], v[int(NR * 0.95) + 1], NR }'
}
echo "console at $N messages, journal $JOURNAL:"
measure "list (/messages, newest 50)" "/messages"
measure "search: quarantined XREF15, last 30 days" "/messages?state=QUARANTINED&type=XREF15&from=$FROM"
measure "search: one sender's messages" "/messages?sender=$SENDER"
measure "search: one state (acknowledged, ~90 %)" "/messages?state=ACKNOWLEDGED"
measure "search: quarantined XDIS91, all time" "/messages?state=QUARANTINED&type=XDIS91"
measure "overdue receipts (/overdue)" "/overdue"
measure "message page (/messages/{id})" "@$WORK/ids"
measure "dashboard (/)" "/"
