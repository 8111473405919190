#!/usr/bin/env bash
# The mixed carrier run (docs/sip.md, "The mixed carrier run"): Pacer's real engine and SIP adapter against a SIPp
# carrier that mixes answers with session timers, carrier hang-ups, early media, busy, no answer and 503 bursts
# with Retry-After, for 10 minutes by default; checks every contact's record against what the carrier did and
# writes benchmarks/results/carrier-mix.md. Exit status 0 when every check holds.
#
#   benchmarks/carrier-mix.sh [--seconds 600] [--rate 3] [--agents 40] [--out benchmarks/results/carrier-mix.md]
#
# Run it in a network namespace of its own when others share the machine (SIPp binds fixed media ports):
#   unshare --net bash -c 'ip link set lo up && benchmarks/carrier-mix.sh'
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
exec java -Xms512m -Xmx1g -cp "$cp" io.pacer.benchmarks.sip.CarrierMix --sipp benchmarks/sipp "$@"
