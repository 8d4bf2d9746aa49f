#!/usr/bin/env bash
# P2 benchmark: Teams → PBX latency with WireMock in place of Microsoft Graph (see README "Benchmarks").
# Builds the jar; all arguments go to TeamsBenchmark:
#   --users 10000 --meetings 100 --rounds 3 --intervals 2s,1s [--ami host:port --ami-user … --ami-secret …]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  io.profilegateway.bench.TeamsBenchmark "$@"
