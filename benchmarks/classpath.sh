#!/usr/bin/env bash
# Sourced by the benchmark scripts: builds the benchmarks module (and what it depends on) from the repository
# root, writes its runtime classpath, and sets $cp to it. Run nothing else meanwhile: the figures are only as
# good as the machine is quiet.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
