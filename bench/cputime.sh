#!/usr/bin/env bash
# DIS91 translation cost per message in thread CPU time and allocated bytes: steadier than
# bench/jmh.sh's throughput when other processes share the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  dk.region.medcom.gateway.translate.bench.Dis91CpuTime
