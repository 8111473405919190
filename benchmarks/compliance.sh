#!/usr/bin/env bash
# Compliance benchmark: every scenario x fcc, ofcom, crtc, each seed several simulated days with a restart every
# morning and a live setting change every afternoon. Writes benchmarks/results/compliance.md.
# Usage: benchmarks/compliance.sh [seeds=20] [days=3]. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
exec java -Xmx4g -cp "$cp" io.pacer.benchmarks.pacing.ComplianceBenchmark scenarios benchmarks/results "${1:-20}" "${2:-3}"
