#!/usr/bin/env bash
# Pacing benchmark: every scenario x progressive, power, adaptive, predictive (and preview, push-preview for a
# scenario with preview keys) over the scenario's seeds.
# Writes benchmarks/results/pacing.md (keeping its "Scaling" section, from scaling.sh) and pacing.csv.
# Run from anywhere.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
exec java -Xmx4g -cp "$cp" io.pacer.benchmarks.pacing.PacingBenchmark scenarios benchmarks/results
