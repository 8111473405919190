#!/usr/bin/env bash
# Console benchmark: a live Pacer with AGENTS virtual SIP agents (loopback carrier) and CAMPAIGNS open campaigns,
# watched by one headless Chromium for MINUTES after a minute's warm-up; the main thread's busy time per second,
# long tasks, and the page's heap and DOM nodes after forced collections. Writes benchmarks/results/console.md, or
# OUT when given (a short trial run on a busy machine should not replace the committed figures).
# Usage: benchmarks/console.sh [AGENTS=500] [CAMPAIGNS=20] [MINUTES=10] [OUT=benchmarks/results/console.md]
# (needs chromium and chromium-driver)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
exec java -Xms1g -Xmx2g -cp "$cp" io.pacer.benchmarks.console.ConsoleBenchmark "${1:-500}" "${2:-20}" "${3:-10}" \
    "${4:-benchmarks/results/console.md}"
