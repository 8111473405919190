#!/usr/bin/env bash
# JMH micro-benchmarks (one fork, short iterations: a 2-core shared machine gives wide errors; compare
# figures from one run only). Extra arguments go to JMH, e.g. a benchmark name pattern.
# Writes benchmarks/results/jmh.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
java -cp "$cp" org.openjdk.jmh.Main -f 1 -wi 3 -w 2s -i 5 -r 2s "${@:-PredictiveDecisionBenchmark}" | tee benchmarks/results/jmh.txt
