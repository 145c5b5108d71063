#!/usr/bin/env bash
# README's quick tour, run literally: every command in the bash block under "## A quick tour", in
# its written order, against a gateway started with README's run command, each with its documented
# outcome checked. CI runs it (.ci/run), so README stays true.
#
#   bench/tour.sh          uses the jar `mvn package` (or `mvn verify`) built in target/
#
# It works in a copy of what a clone holds (a fresh data/ folder, port 8080), so a developer's own
# data/ is never touched. A command the script does not know fails the tour: README and this
# script change together.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/medcom-tour.XXXXXX)"
LOG="$WORK/gateway.log"
GATEWAY_PID=""

fail() {
  echo "TOUR FAILED: $*" >&2
  echo "--- last lines of the gateway's log ($LOG):" >&2
  tail -n 40 "$LOG" >&2 || true
  exit 1
}

cleanup() {
  if [ -n "$GATEWAY_PID" ] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    kill "$GATEWAY_PID" 2>/dev/null || true
    wait "$GATEWAY_PID" 2>/dev/null || true
  fi
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$ROOT/target/medcom-gateway.jar" ] || fail "no target/medcom-gateway.jar: run mvn -B -DskipTests package first"
if curl -s -o /dev/null "http://127.0.0.1:8080/actuator/health"; then
  fail "something already listens on 127.0.0.1:8080; stop it first"
fi

# what a clone holds, plus what `mvn package` built
cd "$ROOT"
cp -r bin routes schemas samples README.md "$WORK/"
mkdir -p "$WORK/target"
cp -r target/medcom-gateway.jar target/lib "$WORK/target/"
cp target/medcom-gateway.jsa "$WORK/target/" 2>/dev/null || true

# a section's first bash block, continuation lines joined, comments and blank lines dropped
commands_of() {
  awk -v heading="$1" '
    $0 == heading { inside = 1; next }
    inside && /^## / { exit }
    inside && /^```bash/ { block = 1; next }
    inside && block && /^```/ { exit }
    inside && block { print }' README.md |
    sed -e 's/[[:space:]]*#.*$//' -e '/^[[:space:]]*$/d' |
    awk '{ if (sub(/\\$/, "")) { line = line $0 } else { print line $0; line = "" } }'
}

# README's run command; the build before && is what produced target/ (CI's mvn verify)
RUN="$(commands_of '## The two commands' | grep -m1 'bin/medcom-gateway')" || fail "no run command in README"
START="${RUN##*&& }"
echo "tour: starting the gateway as README says: $START"
cd "$WORK"
bash -c "$START" > "$LOG" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 180); do
  if curl -s "http://127.0.0.1:8080/actuator/health" | grep -q '"status":"UP"'; then break; fi
  kill -0 "$GATEWAY_PID" 2>/dev/null || fail "the gateway stopped during start-up"
  sleep 1
done
curl -s "http://127.0.0.1:8080/actuator/health" | grep -q '"status":"UP"' || fail "the gateway did not come UP in 180 s"

# runs a command as README has it, again for up to 30 s (the tour's "a moment later") until
# check (a bash expression on $OUT) holds
run_until() {
  local command="$1" check="$2" what="$3"
  for _ in $(seq 1 60); do
    OUT="$(bash -c "$command" 2>&1)" && STATUS=0 || STATUS=$?
    if eval "$check"; then
      echo "tour: ok   $what"
      return 0
    fi
    sleep 0.5
  done
  echo "$OUT" | head -n 30 >&2
  fail "$what: $command"
}

TRACKING_ID=""
STEPS=0
while IFS= read -r command; do
  STEPS=$((STEPS + 1))
  case "$command" in
    cp\ *|mv\ *)
      run_until "$command" '[ $STATUS -eq 0 ]' "files move as told" ;;
    "ls data/outbox/5790001000011/")
      run_until "$command" '[[ "$OUT" =~ [0-9a-f-]{36}\.xml ]]' "the letter is in the recipient's outbox, named by its tracking id" ;;
    "ls data/outbox/5790000100019/")
      run_until "$command" '[[ "$OUT" == *-receipt.xml* ]]' "a receipt waits in the sender's outbox" ;;
    "cat data/quarantine/"*)
      run_until "$command" '[[ "$OUT" == *'"'"'"ruleId"'"'"'* && "$OUT" != *DUPLICATE* ]]' \
        "the invalid letter is in quarantine with its own reasons" ;;
    *"/api/messages/<tracking id>"*)
      [ -n "$TRACKING_ID" ] || fail "the tour asks for <tracking id> before any command gave one"
      run_until "${command//<tracking id>/$TRACKING_ID}" '[[ "$OUT" == *'"'"'"state":"DUPLICATE"'"'"'* ]]' \
        "the posted copy is journaled DUPLICATE" ;;
    curl*"/api/messages")
      run_until "$command" '[[ "$OUT" == *" 202"* && "$OUT" == *Location:* && "$OUT" == *trackingId* ]]' \
        "POST answers 202 with a tracking id and a Location header"
      TRACKING_ID="$(echo "$OUT" | grep -o '"trackingId":"[^"]*"' | cut -d'"' -f4)" ;;
    curl*"/api/routing/explain"*)
      run_until "$command" '[[ "$OUT" == *'"'"'"routed":true'"'"'* && "$OUT" == *steps* ]]' \
        "routing/explain shows the decision step by step" ;;
    *" replay "*)
      run_until "$command" '[ $STATUS -eq 0 ] && [[ "$OUT" == *delivered* ]]' "replay ends with every file where its name says" ;;
    *)
      fail "README's tour has a command this script does not know (update bench/tour.sh with README): $command" ;;
  esac
done < <(cd "$ROOT" && commands_of '## A quick tour')
[ "$STEPS" -ge 8 ] || fail "only $STEPS commands found in README's tour"
echo "TOUR PASSED: $STEPS commands of README's quick tour, as written"
