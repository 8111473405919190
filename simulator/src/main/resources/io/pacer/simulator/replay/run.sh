#!/usr/bin/env bash
# The world of scenario @SCENARIO@, seed @SEED@, at speed @SPEED@, played over SIP on 127.0.0.1 for
# @WINDOW_SECONDS@ s (see README.md): the carrier (SIPp, fates.csv) on port @CARRIER_PORT@ and the @AGENTS@
# agents' phones (SIPp, agents.csv) registering at the dialler on port @DIALER_PORT@.
#
# usage: ./run.sh [--pacer PACER_COMMAND] [--seconds N] [--no-agents] [--dialer HOST:PORT]
#   --pacer      also start Pacer: PACER_COMMAND run --config pacer.yaml (e.g. --pacer ~/pacer/pacer)
#   --seconds    how long to play (default: the window, @WINDOW_SECONDS@ s)
#   --no-agents  the dialler brings its own agents (only the carrier is played)
#   --dialer     where the agents' phones register (default 127.0.0.1:@DIALER_PORT@)
# Everything stops by itself after the time given (and 60 s of grace for calls in progress);
# statistics and logs go to stats/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
seconds=@WINDOW_SECONDS@
pacer=""
agents=1
dialer="127.0.0.1:@DIALER_PORT@"
while [ $# -gt 0 ]; do
  case "$1" in
    --pacer) pacer="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --no-agents) agents=0; shift ;;
    --dialer) dialer="$2"; shift 2 ;;
    *) echo "run.sh: unexpected argument '$1' (see the comment at the top)" >&2; exit 2 ;;
  esac
done
command -v sipp >/dev/null 2>&1 || { echo "run.sh: sipp not found (Debian: apt-get install sip-tester)" >&2; exit 1; }
mkdir -p stats
pids=()
pacer_pid=""
# SIGTERM, not SIGINT: a background job of a script ignores SIGINT. Pacer first, so that it ends its calls (its
# graceful stop) while the carrier and the phones still answer; then SIPp.
stop() {
  if [ -n "$pacer_pid" ]; then
    kill -TERM "$pacer_pid" 2>/dev/null || true
    wait "$pacer_pid" 2>/dev/null || true
  fi
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT
grace=$((seconds + 60))

echo "run.sh: carrier on 127.0.0.1:@CARRIER_PORT@ (@CONTACTS@ numbers in fates.csv)"
sipp -sf carrier.xml -inf fates.csv -infindex fates.csv 0 -i 127.0.0.1 -p @CARRIER_PORT@ \
  -mp 40000 -buff_size 4194304 -nostdin -timeout "${grace}s" \
  -trace_stat -stf stats/carrier-stats.csv -trace_counts -fd 5 -trace_err -error_file stats/carrier-errors.log \
  -trace_screen -screen_file stats/carrier-screen.log >stats/carrier.out 2>&1 &
pids+=($!)

if [ -n "$pacer" ]; then
  echo "run.sh: Pacer: $pacer run --config pacer.yaml"
  "$pacer" run --config pacer.yaml >stats/pacer.out 2>&1 &
  pacer_pid=$!
  sleep 5
fi

if [ "$agents" = 1 ]; then
  start_ms=$(date +%s%3N)
  echo "run.sh: @AGENTS@ agents' phones on 127.0.0.1:5090, registering at $dialer (@LOGINS@ logins, agents.csv)"
  sipp -sf agent.xml -inf agents.csv -infindex agents.csv 0 -inf fates.csv -infindex fates.csv 0 \
    -i 127.0.0.1 -p 5090 -aa -mp 50000 -set start_ms "$start_ms" -nostdin -timeout "${grace}s" \
    -trace_stat -stf stats/agents-stats.csv -trace_counts -fd 5 \
    >stats/agents.out 2>&1 &
  pids+=($!)
  sleep 1
  sipp "$dialer" -sf agent-register.xml -inf agents.csv -i 127.0.0.1 -p 5091 -set phones 5090 \
    -m @LOGINS@ -r 1000 -nostdin -timeout "${grace}s" -trace_err -error_file stats/logins-errors.log \
    >stats/logins.out 2>&1 &
  pids+=($!)
fi

echo "run.sh: playing for ${seconds} s"
sleep "$seconds"
echo "run.sh: done; SIPp statistics in stats/ (carrier-stats.csv, carrier-screen.log) and per message in *_counts.csv"
