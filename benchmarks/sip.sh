#!/usr/bin/env bash
# SIP benchmark (benchmarks/README-sip.md): the SIPp harness ceiling, Pacer's clean rate step by step, a soak at
# 1,000 calls/s, and the RTP relay with 500 bridged calls. Writes benchmarks/results/sip.md. About 15 minutes with
# the defaults; run nothing else meanwhile (read `uptime` first). Extra arguments go to SipBenchmark and override
# the defaults, e.g. `benchmarks/sip.sh --soak-seconds 120`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
exec java -Xms3g -Xmx3g -Xmn2g -XX:+AlwaysPreTouch -cp "$cp" io.pacer.benchmarks.sip.SipBenchmark \
    --ceiling-rates 1000,2000,3000,4000,5000,6000,7000,8000,9000,10000 \
    --rates 250,500,750,1000,1250,1500,2000,2500,3000,3500,4000 --step-seconds 10 \
    --soak-rate 1000 --soak-seconds 600 --relay-calls 500 --relay-seconds 30 --agents 300 "$@"
