#!/usr/bin/env bash
# P4 benchmark: start time and resident memory with 10,000 users and 20 profiles (see README "Benchmarks").
#   bench/footprint.sh [--users 10000] [--profiles 20] [--starts 3] [--gateway-jvm "…"] [--ami host:port --ami-user … --ami-secret …]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.profilegateway.bench.FootprintBenchmark "$@"
