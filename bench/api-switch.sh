#!/usr/bin/env bash
# P3 benchmark: manual switches over HTTP on loopback (see README "Benchmarks").
# Builds the jar unless --url points at a running gateway; all arguments go to ApiSwitchBenchmark:
#   --rate 1000 --seconds 20 --users 500 [--warm-up 300] [--connections 32] [--url http://127.0.0.1:8080 --admin-password …]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " != *" --url "* ]]; then
  ./mvnw -B -q package -DskipTests
else
  ./mvnw -B -q test-compile
fi
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.profilegateway.bench.ApiSwitchBenchmark "$@"
