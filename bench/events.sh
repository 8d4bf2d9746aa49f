#!/usr/bin/env bash
# P6 benchmark: SSE clients on GET /api/v1/events while switches run (see README "Benchmarks").
#   bench/events.sh [--clients 2000] [--rate 1000] [--seconds 20] [--warm-up 60] [--fanout group|all]
#                   [--ami host:port --ami-user … --ami-secret …]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.profilegateway.bench.EventsBenchmark "$@"
