#!/usr/bin/env bash
# The RTP relay with answering-machine detection on every call against the relay alone: CALLS bridged calls
# (default 500) for SECONDS (default 10) each way, then the analysis alone on one thread. Writes
# benchmarks/results/relay-amd.txt (the section quoted in benchmarks/results/amd.md). About a minute.
# Run it in a private network namespace if other tests use loopback ports:
#   unshare --net bash -c 'ip link set lo up && benchmarks/relay-amd.sh 500 10'
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -o -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
exec java -Xmx1g -cp "$cp" io.pacer.benchmarks.sip.RelayAmdBenchmark "${1:-500}" "${2:-10}" \
    benchmarks/results/relay-amd.txt
