#!/usr/bin/env bash
# Stress benchmark: every scenario in scenarios/stress under the predictive policy over [seeds=20] seeds.
# Writes benchmarks/results/stress.md. Run from anywhere.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
exec java -Xmx4g -cp "$cp" io.pacer.benchmarks.pacing.StressBenchmark scenarios/stress benchmarks/results "${1:-20}"
