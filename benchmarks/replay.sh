#!/usr/bin/env bash
# Replay fidelity: every public scenario (scenarios/*.yaml), simulated and replayed live over SIP on 127.0.0.1
# (./pacer replay run), one after the other, each in a private network namespace when `unshare` allows it.
# Writes one JSON per scenario to benchmarks/target/replay/ and prints a Markdown table of them, the table of
# benchmarks/results/replay.md. Needs sipp. About (MINUTES + 1.5) minutes per scenario.
#   usage: benchmarks/replay.sh [SEED] [SPEED] [MINUTES]     (defaults: 1 4 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seed="${1:-1}"; speed="${2:-4}"; minutes="${3:-5}"
out="$root/benchmarks/target/replay"
mkdir -p "$out"
"$root/pacer" --help >/dev/null 2>&1 || true   # builds the jar once, outside the measured runs
for f in "$root"/scenarios/*.yaml; do
  name="$(basename "$f" .yaml)"
  echo "replay: $name (seed $seed, speed $speed, $minutes min)" >&2
  cmd="'$root/pacer' replay run '$f' --seed $seed --speed $speed --minutes $minutes --json --keep '$out/$name'"
  if unshare --net true 2>/dev/null; then
    unshare --net bash -c "ip link set lo up && $cmd" >"$out/$name.json" 2>"$out/$name.log" || true
  else
    bash -c "$cmd" >"$out/$name.json" 2>"$out/$name.log" || true
  fi
done
python3 - "$out" "x$speed, $minutes min" <<'PY'
import json, pathlib, sys
rows = []
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    try:
        r = json.loads(p.read_text())
    except ValueError:
        print(f"| {p.stem} | {sys.argv[2]} | (no result: see {p.with_suffix('.log')}) |")
        continue
    s, l, d = r["simulated"], r["live"], r["difference"]
    print(f"| {r['scenario']} | {sys.argv[2]} | {s['occupancy']:.3f} | {l['occupancy']:.3f} | {d['occupancy']:+.3f} "
          f"| {s['abandon_rate']*100:.2f}% | {l['abandon_rate']*100:.2f}% "
          f"| {s['dials']} / {l['dials']} | {s['answers']} / {l['answers']} "
          f"| {s['connects_per_agent_hour']:.1f} / {l['connects_per_agent_hour']:.1f} "
          f"| {s['agent_wait_mean']:.1f} / {l['agent_wait_mean']:.1f} "
          f"| {l['answer_to_bridge_p50_ms']:.2f} / {l['answer_to_bridge_p99_ms']:.1f} | {l['violations']} |")
PY
