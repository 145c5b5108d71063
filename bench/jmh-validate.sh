#!/usr/bin/env bash
# Throughput of the validate stage (safe parse + XSD + business rules) with JMH, one thread.
# Usage: bench/jmh-validate.sh [extra JMH options]   e.g. bench/jmh-validate.sh -prof gc
# Default: ValidateBenchmark -f 1 -wi 3 -i 5 -t 1 (about 5 minutes for the three benchmarks).
# On a busy shared machine, wall-clock throughput measures the neighbours too; for messages per
# CPU-second of one thread run:  bench/jmh-validate.sh --cpu [message.xml]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
if [ "${1:-}" = "--cpu" ]; then
  shift
  exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dk.region.medcom.gateway.validate.bench.CpuTimeProbe "$@"
fi
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openjdk.jmh.Main ValidateBenchmark -f 1 -wi 3 -i 5 -t 1 "$@"
