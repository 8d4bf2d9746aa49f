#!/usr/bin/env bash
# P4 benchmark: start time and resident memory with 10,000 users and 20 profiles (see README "Benchmarks").
#   bench/footprint.sh [--users 10000] [--profiles 20] [--starts 3] [--gateway-jvm "…"] [--ami host:port --ami-user … --ami-secret …]
#     [--java /usr/lib/jvm/temurin-25-jdk-amd64 [--train true] [--no-cache-row true]] [--dir database-of-an-earlier-run]
# Every measured start runs bin/gateway (the shipped JVM options). With --java, each start on this JVM is followed by
# one on that JDK with the AOT cache next to the jar (trained first by docker/aot-training.sh when missing, or with
# --train true), and a table compares them (min / median / max, ratios to P4's 3 s and 300 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.profilegateway.bench.FootprintBenchmark "$@"
