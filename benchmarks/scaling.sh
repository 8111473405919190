#!/usr/bin/env bash
# Scaling benchmark: scenarios/stress/huge.yaml cut to one hour and one seed, predictive, at 100 to 3,200
# agents; prints wall time, events and calls per simulated hour and the time per pacing decision, and writes
# the "Scaling" section of benchmarks/results/pacing.md (the rest of the file is kept). Run from anywhere.
set -euo pipefail
# Extra JVM flags, for example JAVA_OPTS=-Dpacer.scaling.agents=200,1600 for a quick look (it still rewrites the section).
java_opts="${JAVA_OPTS:-}"
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
exec java -Xmx4g $java_opts -cp "$cp" io.pacer.benchmarks.pacing.ScalingBenchmark scenarios/stress/huge.yaml benchmarks/results
