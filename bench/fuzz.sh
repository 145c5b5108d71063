#!/usr/bin/env bash
# Fuzz campaign over the three ways in: the EDIFACT reader and the XML intake in-process (parse,
# validate, route, translate; no Spring, no broker) and POST /api/messages of a gateway started in
# the same JVM. Prints inputs, time, rate, how inputs ended per rule id or HTTP status, and every
# input that broke the contract (saved, minimised, under target/fuzz/). Exit 1 when any did.
#
#   bench/fuzz.sh                  # all three: 1,000,000 EDIFACT, 1,000,000 XML, 20,000 HTTP
#   bench/fuzz.sh edifact xml      # some of them
#   INPUTS=100000 HTTP_INPUTS=5000 SEED=42 THREADS=1 MAX_SECONDS=600 bench/fuzz.sh
#   HTTP_INPUTS=1000000 HTTP_RESTART_EVERY=100000 bench/fuzz.sh http   # a fresh gateway and data folder per 100,000
#
# Runs under `nice -n 19` (NICE=0 for an idle machine). Copy inputs worth keeping from
# target/fuzz/*/corpus/ into src/test/resources/fuzz/<edifact|xml|http>/: FuzzCorpusTest and
# HttpFuzzTests replay them in every build.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test-compile -Dcds.skip 2>/dev/null || mvn -q test-compile -Dcds.skip
classpath_file=target/fuzz-classpath.txt
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null 2>&1 \
  || mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
rm -rf target/fuzz
exec nice -n "${NICE:-19}" java -Xmx1g ${FUZZ_JAVA_OPTS:-} \
  -Dfuzz.inputs="${INPUTS:-1000000}" -Dfuzz.http-inputs="${HTTP_INPUTS:-20000}" -Dfuzz.seed="${SEED:-$(date +%s)}" \
  -Dfuzz.threads="${THREADS:-$(nproc)}" -Dfuzz.max-seconds="${MAX_SECONDS:-86400}" \
  -Dfuzz.http-restart-every="${HTTP_RESTART_EVERY:-100000}" \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  dk.region.medcom.gateway.fuzz.FuzzCampaign "${@:-all}"
