#!/usr/bin/env bash
# Pacing benchmark: every scenario x progressive, power, adaptive, predictive over the scenario's seeds.
# Writes benchmarks/results/pacing.md (keeping its "Scaling" section, from scaling.sh) and pacing.csv.
# Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
exec java -Xmx4g -cp "$cp" io.pacer.benchmarks.pacing.PacingBenchmark scenarios benchmarks/results
