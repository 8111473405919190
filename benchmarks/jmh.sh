#!/usr/bin/env bash
# JMH micro-benchmarks (one fork, short iterations: a 2-core shared machine gives wide errors; compare
# figures from one run only). Extra arguments go to JMH, e.g. a benchmark name pattern.
# Writes benchmarks/results/jmh.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
java -cp "$cp" org.openjdk.jmh.Main -f 1 -wi 3 -w 2s -i 5 -r 2s "${@:-PredictiveDecisionBenchmark}" | tee benchmarks/results/jmh.txt
