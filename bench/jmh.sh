#!/usr/bin/env bash
# DIS91 translation benchmark (EDIFACT -> XML and XML -> EDIFACT), one thread, with allocation
# per operation (-prof gc). Extra arguments go to JMH, e.g. `bench/jmh.sh -f 3 -wi 5 -i 10`.
# Run from anywhere; it works in the project root so the vector path ../shared/... resolves.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(-f 1 -wi 3 -i 5 -t 1)
fi
exec java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" org.openjdk.jmh.Main \
  "${args[@]}" -prof gc 'dk.region.medcom.gateway.translate.bench.Dis91Benchmark'
