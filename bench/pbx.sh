#!/usr/bin/env bash
# P1 (mass switch) and P5 (reconcile after an Asterisk restart): see README "Benchmarks".
#   bench/pbx.sh [--users 10000] [--team-size 50] [--connections 1] [--ami host:port --ami-user … --ami-secret …]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  io.profilegateway.pbx.PbxBenchmark "$@"
