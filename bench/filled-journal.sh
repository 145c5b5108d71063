# Sourced by the benches that measure a journal filled by JournalFiller (console-volume.sh,
# api-search-10m.sh). Needs JAR and PORT; sets WORK: a new folder /tmp/<$1>.XXXXXX, or FILLED (a
# folder KEEP=1 kept) to measure again without filling, then kept too. On exit: the gateway and
# PostgreSQL are stopped, and WORK is deleted unless kept.
[ -f "$JAR" ] && [ -f target/test-classes/dk/region/medcom/gateway/bench/JournalFiller.class ] || { echo "build first: mvn -B verify"; exit 2; }
WORK=${FILLED:-$(mktemp -d "/tmp/$1.XXXXXX")}
[ -n "${FILLED:-}" ] && KEEP=1
GW_PID=""
trap '[ -n "$GW_PID" ] && kill $GW_PID 2>/dev/null; wait 2>/dev/null; stop_postgres; [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
log() { echo "[$(date +%H:%M:%S)] $*"; }

# fill <JDBC URL> <user> <password> <N>: unless FILLED
fill() {
  [ -z "${FILLED:-}" ] || return 0
  log "filling the journal with $4 messages"
  java -cp "target/test-classes:target/classes:target/lib/*" dk.region.medcom.gateway.bench.JournalFiller "$@" | tail -1
}

# start_gateway <profiles>: the gateway on WORK/data, until /actuator/health says UP
start_gateway() {
  java -Xmx512m -jar "$JAR" --spring.profiles.active="$1" --gateway.data-dir="$WORK/data" --server.port="$PORT" \
    >"$WORK/gateway.log" 2>&1 & GW_PID=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 $GW_PID 2>/dev/null || { tail -30 "$WORK/gateway.log"; exit 1; }; sleep 0.5
  done
  log "gateway up"
}
