#!/usr/bin/env bash
# AMD benchmark: builds the corpus if missing (amd-corpus.sh, needs espeak-ng and sox), then classifies every
# call with the default, cautious and aggressive presets and writes benchmarks/results/amd.md. About a minute.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -f benchmarks/target/amd-corpus/labels.tsv ] || benchmarks/amd-corpus.sh
mvn -B -q -o -pl detect -DskipTests package >&2
mvn -B -q -o -pl detect,benchmarks -am -DskipTests compile >&2
exec java -Xmx1g -cp "detect/target/classes:benchmarks/target/classes" io.pacer.benchmarks.amd.AmdBenchmark \
    benchmarks/target/amd-corpus benchmarks/results/amd.md
