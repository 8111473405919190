#!/usr/bin/env bash
# Builds the labelled AMD / call-progress corpus (docs/amd.md, "The corpus") into benchmarks/target/amd-corpus/:
# one 8 kHz mono WAV per call and labels.tsv (file, label, greeting_end_ms, voice, speed, level_db, noise, law,
# beep_end_ms: where a machine's beep ends, 0 for other calls; for tones, "voice" names the tone plan).
# Needs Debian's espeak-ng and sox. Deterministic: the same machine and package versions give the same files.
# Human: short answers ("Hello?", "Yes?", "Hello? ... Yes, who is this?") then an open, quiet line.
# Machine: long greetings ending in a beep (and a short one, the hard case); beeps of 0.3, 1 and 2 s, and of
# two and three tones. Some of both after ringback (North American, 425 Hz, UK), as a recording that starts at
# dialling has them. Silence. The five SITs. Fax. Busy and congestion of both plans, their cadences jittered.
# Each call varies voice (en, en-us, en-gb, fr, de; male and female), speed, level, line noise and G.711 law.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/benchmarks/target/amd-corpus"
command -v espeak-ng >/dev/null && command -v sox >/dev/null || { echo "amd-corpus: needs espeak-ng and sox (apt-get install espeak-ng sox)" >&2; exit 1; }
rm -rf "$out"; mkdir -p "$out"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
labels="$out/labels.tsv"
printf 'file\tlabel\tgreeting_end_ms\tvoice\tspeed\tlevel_db\tnoise\tlaw\tbeep_end_ms\n' > "$labels"

raw=(-r 8000 -c 1 -b 16 -e signed-integer)
levels=(0 -8 -16)          # dB below a -3 dBFS peak
noises=(0 0.003 0.006)     # white-noise amplitude, fraction of full scale (mean |s| about 0, 49, 98)
laws=(u-law a-law)
n=0

ms() { awk -v s="$(soxi -D "$1")" 'BEGIN { printf "%d", s * 1000 + 0.5 }'; }
silence() { sox -n "${raw[@]}" "$2" trim 0 "$1"; }
# speak VOICE SPEED TEXT OUT: speech trimmed of leading and trailing silence, 8 kHz, peak -3 dBFS.
speak() {
  espeak-ng -v "$1" -s "$2" -w "$tmp/e.wav" "$3"
  sox "$tmp/e.wav" "${raw[@]}" "$4" silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse gain -n -3
}
# finish LABEL GREETING_END_MS VOICE SPEED PARTS...: level, noise and law by the call's number, then label.
# beep_end (ms into the call where the machine's beep ends, 0 if none) is taken from $beep_end, then cleared.
beep_end=0
finish() {
  local label=$1 end=$2 voice=$3 speed=$4; shift 4
  local level=${levels[$((n % 3))]} noise=${noises[$(((n / 3) % 3))]} law=${laws[$(((n / 9) % 2))]}
  local name; name=$(printf '%s-%04d.wav' "$(echo "$label" | tr 'A-Z_' 'a-z-')" "$n")
  sox "$@" "${raw[@]}" "$tmp/joined.wav" gain "$level"
  if [ "$noise" != 0 ]; then
    sox -n "${raw[@]}" "$tmp/noise.wav" synth "$(soxi -D "$tmp/joined.wav")" whitenoise vol "$noise"
    sox -m -v 1 "$tmp/joined.wav" -v 1 "$tmp/noise.wav" "${raw[@]}" "$tmp/mixed.wav"
  else
    cp "$tmp/joined.wav" "$tmp/mixed.wav"
  fi
  sox "$tmp/mixed.wav" -e "$law" -b 8 "$out/$name"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$label" "$end" "$voice" "$speed" "$level" "$noise" "$law" \
    "$beep_end" >> "$labels"
  n=$((n + 1)); beep_end=0
}
# beep HZ: the machine's beep into $tmp/beep.wav, its shape by the call's number: 0.3 s, 1 s, 2 s, three rising
# tones (0.15, 0.15, 0.4 s) or two tones of 0.2 s with 40 ms between them.
beep() {
  case $((n % 5)) in
    0) sox -n "${raw[@]}" "$tmp/beep.wav" synth 0.3 sine "$1" gain -n -6 ;;
    1) sox -n "${raw[@]}" "$tmp/beep.wav" synth 1.0 sine "$1" gain -n -6 ;;
    2) sox -n "${raw[@]}" "$tmp/beep.wav" synth 2.0 sine "$1" gain -n -6 ;;
    3) sox -n "${raw[@]}" "$tmp/b1.wav" synth 0.15 sine 800 gain -n -6
       sox -n "${raw[@]}" "$tmp/b2.wav" synth 0.15 sine 1000 gain -n -6
       sox -n "${raw[@]}" "$tmp/b3.wav" synth 0.4 sine 1400 gain -n -6
       sox "$tmp/b1.wav" "$tmp/b2.wav" "$tmp/b3.wav" "${raw[@]}" "$tmp/beep.wav" ;;
    4) sox -n "${raw[@]}" "$tmp/b1.wav" synth 0.2 sine "$1" gain -n -6 pad 0 0.04
       sox -n "${raw[@]}" "$tmp/b2.wav" synth 0.2 sine "$1" gain -n -6
       sox "$tmp/b1.wav" "$tmp/b2.wav" "${raw[@]}" "$tmp/beep.wav" ;;
  esac
}

human_en=("Hello?" "Yes?" "Hi." "Hello, who is this?" "Speaking.")
human_fr=("Allô?" "Oui?" "Allô, c'est qui?" "Bonjour." "Oui, j'écoute.")
human_de=("Hallo?" "Ja?" "Hallo, wer ist da?" "Ja, bitte?" "Guten Tag.")
second_en="Yes, who is this?"; second_fr="Oui, qui est à l'appareil?"; second_de="Ja, wer spricht da?"
machine_en=("Hi, you have reached the voicemail of John Smith. I am not available right now, please leave a message after the tone."
            "The person you are calling is not available. Please record your message after the tone."
            "Thank you for calling. Please leave your name and number and we will call you back as soon as possible."
            "Hi, it's Mike. Leave a message.")
machine_fr=("Bonjour, vous êtes bien sur la messagerie de Jean Dupont. Je ne suis pas disponible, laissez un message après le bip."
            "Votre correspondant n'est pas joignable. Veuillez laisser un message après le signal sonore."
            "Merci de votre appel. Laissez votre nom et votre numéro, nous vous rappellerons."
            "C'est Marc, laissez un message.")
machine_de=("Hallo, Sie sind mit der Mailbox von Hans Müller verbunden. Ich bin gerade nicht erreichbar, bitte sprechen Sie nach dem Signalton."
            "Der gewünschte Gesprächspartner ist zurzeit nicht erreichbar. Bitte hinterlassen Sie eine Nachricht nach dem Ton."
            "Vielen Dank für Ihren Anruf. Bitte nennen Sie Ihren Namen und Ihre Nummer, wir rufen zurück."
            "Hier ist Max, sprich nach dem Piep.")
beeps=(1000 850 1400 440 1950)

for voice in en en-us en-gb fr de; do
  lang=${voice%%-*}
  declare -n humans="human_$lang" machines="machine_$lang" second="second_$lang"
  for variant in m3 f3; do
    for speed in 140 175 210; do
      lead=$(awk -v n="$n" 'BEGIN { printf "%.2f", 0.2 + (n % 5) * 0.2 }')
      silence "$lead" "$tmp/lead.wav"
      for i in "${!humans[@]}"; do
        speak "$voice+$variant" "$speed" "${humans[$i]}" "$tmp/h.wav"
        end=$(( $(ms "$tmp/lead.wav") + $(ms "$tmp/h.wav") ))
        silence 4 "$tmp/tail.wav"
        finish HUMAN "$end" "$voice+$variant" "$speed" "$tmp/lead.wav" "$tmp/h.wav" "$tmp/tail.wav"
      done
      # A person who says hello, waits a second, and speaks again: the verdict is due after the first hello.
      speak "$voice+$variant" "$speed" "${humans[0]}" "$tmp/h.wav"
      speak "$voice+$variant" "$speed" "$second" "$tmp/h2.wav"
      silence 1.0 "$tmp/pause.wav"; silence 3 "$tmp/tail.wav"
      end=$(( $(ms "$tmp/lead.wav") + $(ms "$tmp/h.wav") ))
      finish HUMAN "$end" "$voice+$variant" "$speed" "$tmp/lead.wav" "$tmp/h.wav" "$tmp/pause.wav" "$tmp/h2.wav" "$tmp/tail.wav"
      for i in "${!machines[@]}"; do
        speak "$voice+$variant" "$speed" "${machines[$i]}" "$tmp/m.wav"
        end=$(( $(ms "$tmp/lead.wav") + $(ms "$tmp/m.wav") ))
        silence 0.4 "$tmp/gap.wav"; silence 2 "$tmp/tail.wav"
        beep "${beeps[$((n % 7 % 5))]}"
        beep_end=$(( end + 400 + $(ms "$tmp/beep.wav") ))
        finish MACHINE "$end" "$voice+$variant" "$speed" "$tmp/lead.wav" "$tmp/m.wav" "$tmp/gap.wav" "$tmp/beep.wav" "$tmp/tail.wav"
      done
    done
  done
  unset -n humans machines second
done

# Recordings that start at dialling: ringback (440+480 Hz, 2 s on, 4 s off) before the answer.
# dual NAME SECONDS HZ1 HZ2 LEVEL_DB PAD_SECONDS: two tones mixed, then silence.
dual() {
  sox -n "${raw[@]}" "$tmp/d1.wav" synth "$2" sine "$3"
  sox -n "${raw[@]}" "$tmp/d2.wav" synth "$2" sine "$4"
  sox -m "$tmp/d1.wav" "$tmp/d2.wav" "${raw[@]}" "$1" gain -n "$5" pad 0 "$6"
}
dual "$tmp/ring.wav" 2 440 480 -16 4
sox "$tmp/ring.wav" "$tmp/ring.wav" "${raw[@]}" "$tmp/rings.wav"
for voice in en-us+f3 en-gb+m3 fr+f3 de+m3 en+f3; do
  lang=${voice%%-*}; lang=${lang%%+*}
  declare -n humans="human_$lang" machines="machine_$lang"
  silence 0.6 "$tmp/lead.wav"; silence 4 "$tmp/tail.wav"
  speak "$voice" 175 "${humans[0]}" "$tmp/h.wav"
  end=$(( $(ms "$tmp/rings.wav") + $(ms "$tmp/lead.wav") + $(ms "$tmp/h.wav") ))
  finish HUMAN "$end" "$voice" 175 "$tmp/rings.wav" "$tmp/lead.wav" "$tmp/h.wav" "$tmp/tail.wav"
  speak "$voice" 175 "${humans[2]}" "$tmp/h.wav"
  end=$(( $(ms "$tmp/ring.wav") + $(ms "$tmp/lead.wav") + $(ms "$tmp/h.wav") ))
  finish HUMAN "$end" "$voice" 175 "$tmp/ring.wav" "$tmp/lead.wav" "$tmp/h.wav" "$tmp/tail.wav"
  speak "$voice" 175 "${machines[1]}" "$tmp/m.wav"
  end=$(( $(ms "$tmp/rings.wav") + $(ms "$tmp/lead.wav") + $(ms "$tmp/m.wav") ))
  beep 1000
  silence 0.4 "$tmp/gap.wav"
  beep_end=$(( end + 400 + $(ms "$tmp/beep.wav") ))
  finish MACHINE "$end" "$voice" 175 "$tmp/rings.wav" "$tmp/lead.wav" "$tmp/m.wav" "$tmp/gap.wav" "$tmp/beep.wav" "$tmp/tail.wav"
  unset -n humans machines
done

# The international plan's ringback before the answer: 425 Hz, 1 s on, 4 s off (twice), and the UK's 400+450 Hz,
# 0.4 on, 0.2 off, 0.4 on, 2 s off (twice).
sox -n "${raw[@]}" "$tmp/ring425.wav" synth 1 sine 425 gain -n -16 pad 0 4
sox "$tmp/ring425.wav" "$tmp/ring425.wav" "${raw[@]}" "$tmp/rings425.wav"
dual "$tmp/uk1.wav" 0.4 400 450 -16 0.2
dual "$tmp/uk2.wav" 0.4 400 450 -16 2
sox "$tmp/uk1.wav" "$tmp/uk2.wav" "$tmp/uk1.wav" "$tmp/uk2.wav" "${raw[@]}" "$tmp/ringsuk.wav"
for voice in en-gb+f3 fr+m3 de+f3 en+m3 en-us+m3; do
  lang=${voice%%-*}; lang=${lang%%+*}
  declare -n humans="human_$lang" machines="machine_$lang"
  silence 0.6 "$tmp/lead.wav"; silence 4 "$tmp/tail.wav"
  for rings in rings425 ringsuk; do
    speak "$voice" 175 "${humans[1]}" "$tmp/h.wav"
    end=$(( $(ms "$tmp/$rings.wav") + $(ms "$tmp/lead.wav") + $(ms "$tmp/h.wav") ))
    finish HUMAN "$end" "$voice" 175 "$tmp/$rings.wav" "$tmp/lead.wav" "$tmp/h.wav" "$tmp/tail.wav"
  done
  speak "$voice" 175 "${machines[2]}" "$tmp/m.wav"
  end=$(( $(ms "$tmp/ringsuk.wav") + $(ms "$tmp/lead.wav") + $(ms "$tmp/m.wav") ))
  beep 1000
  silence 0.4 "$tmp/gap.wav"
  beep_end=$(( end + 400 + $(ms "$tmp/beep.wav") ))
  finish MACHINE "$end" "$voice" 175 "$tmp/ringsuk.wav" "$tmp/lead.wav" "$tmp/m.wav" "$tmp/gap.wav" "$tmp/beep.wav" "$tmp/tail.wav"
  unset -n humans machines
done

# Busy and congestion played as early media, each burst and gap jittered by up to ±12 % (deterministic).
# cadence LABEL PLAN CYCLES "HZ..." ON OFF [ON OFF]: the tone's cycles after 0.3 s of silence.
cadence() {
  local label=$1 plan=$2 cycles=$3 hz=$4; shift 4
  local parts=("$tmp/lead.wav") k=0 c i on off
  silence 0.3 "$tmp/lead.wav"
  for ((c = 0; c < cycles; c++)); do
    for ((i = 1; i <= $#; i += 2)); do
      on=$(awk -v s="$n" -v k="$k" -v d="${!i}" 'BEGIN { srand(s * 97 + k); printf "%.3f", d * (0.88 + 0.24 * rand()) }')
      j=$((i + 1))
      off=$(awk -v s="$n" -v k="$k" -v d="${!j}" 'BEGIN { srand(s * 89 + k + 1000); printf "%.3f", d * (0.88 + 0.24 * rand()) }')
      local synth=()
      for f in $hz; do synth+=(sine "$f"); done
      if [ "$(echo "$hz" | wc -w)" = 1 ]; then
        sox -n "${raw[@]}" "$tmp/c$k.wav" synth "$on" "${synth[@]}" gain -n -12 pad 0 "$off"
      else
        dual "$tmp/c$k.wav" "$on" $hz -12 "$off"
      fi
      parts+=("$tmp/c$k.wav"); k=$((k + 1))
    done
  done
  finish "$label" 0 "$plan" - "${parts[@]}"
}
for i in $(seq 0 4); do
  cadence BUSY na-busy-480+620-0.5/0.5 4 "480 620" 0.5 0.5
  cadence CONGESTION na-reorder-480+620-0.25/0.25 6 "480 620" 0.25 0.25
  cadence BUSY busy-425-0.5/0.5 4 425 0.5 0.5
  cadence BUSY uk-busy-400-0.375/0.375 5 400 0.375 0.375
  cadence CONGESTION congestion-425-0.25/0.25 6 425 0.25 0.25
  cadence CONGESTION congestion-425-0.2/0.2 7 425 0.2 0.2
  cadence CONGESTION uk-congestion-400-0.4/0.35/0.225/0.525 3 400 0.4 0.35 0.225 0.525
done

for i in $(seq 0 17); do
  silence 6 "$tmp/s.wav"
  finish SILENCE 0 - - "$tmp/s.wav"
done

# sit NAME F1 D1 F2 D2 F3 D3: the three segments then a spoken announcement, as a carrier plays them.
speak en-us+m3 175 "The number you have dialled is not in service. Please check the number and try again." "$tmp/ann.wav"
sit() {
  local label=$1; shift
  sox -n "${raw[@]}" "$tmp/t1.wav" synth "$2" sine "$1" gain -n -10
  sox -n "${raw[@]}" "$tmp/t2.wav" synth "$4" sine "$3" gain -n -10
  sox -n "${raw[@]}" "$tmp/t3.wav" synth "$6" sine "$5" gain -n -10
  silence 0.5 "$tmp/lead.wav"; silence 0.2 "$tmp/gap.wav"
  finish "$label" 0 - - "$tmp/lead.wav" "$tmp/t1.wav" "$tmp/t2.wav" "$tmp/t3.wav" "$tmp/gap.wav" "$tmp/ann.wav"
}
for i in $(seq 0 17); do
  sit SIT_NO_CIRCUIT 985.2 0.380 1428.5 0.380 1776.7 0.380
  sit SIT_INTERCEPT 913.8 0.274 1370.6 0.274 1776.7 0.380
  sit SIT_VACANT 985.2 0.380 1370.6 0.274 1776.7 0.380
  sit SIT_REORDER 913.8 0.274 1428.5 0.380 1776.7 0.380
  sit SIT_OTHER 950 0.330 1400 0.330 1800 0.330
done

for i in $(seq 0 8); do
  sox -n "${raw[@]}" "$tmp/cng.wav" synth 0.5 sine 1100 gain -n -10 pad 0 3
  silence 0.3 "$tmp/lead.wav"
  finish FAX 0 - - "$tmp/lead.wav" "$tmp/cng.wav" "$tmp/cng.wav"
  sox -n "${raw[@]}" "$tmp/ced.wav" synth 3.3 sine 2100 gain -n -10
  finish FAX 0 - - "$tmp/lead.wav" "$tmp/ced.wav"
done
echo "amd-corpus: $n calls in $out" >&2
