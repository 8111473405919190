#!/usr/bin/env bash
# Import benchmark: one million rows (or $1) into an empty list, then a REPLACE over it, on SQLite and — given a
# PostgreSQL JDBC URL and user as $2 and $3 — on PostgreSQL in the same run, so the two lines are taken under the
# same load. Prints the rows of benchmarks/results/import.md. See README-import.md. Run from anywhere.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
rows="${1:-1000000}"
java -Xmx256m -cp "$cp" io.pacer.benchmarks.importer.ImportBenchmark "$rows"
if [ $# -ge 2 ]; then
    java -Xmx256m -cp "$cp" io.pacer.benchmarks.importer.ImportBenchmark "$rows" "$2" "${3:-postgres}"
fi
