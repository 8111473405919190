package io.pacer.benchmarks.amd;

import io.pacer.detect.AmdParameters;
import io.pacer.detect.CallAnalyser;
import io.pacer.detect.Verdict;
import io.pacer.detect.WavAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Runs the call analyser (module detect) over the labelled corpus that {@code benchmarks/amd-corpus.sh} builds
 * and writes {@code benchmarks/results/amd.md}: per preset the confusion matrix, the false-positive rate (live
 * answers classed MACHINE), machine recall, the NOTSURE share, SIT accuracy per code, and decision times
 * (humans measured from the end of their greeting, as the 2-second rule counts). Usage:
 * {@code AmdBenchmark CORPUS_DIR RESULT_FILE}.
 */
public final class AmdBenchmark {
    private static final Verdict[] COLUMNS = Arrays.copyOfRange(Verdict.values(), 1, Verdict.values().length);

    private record Call(String file, Verdict label, int greetingEndMillis, String voice, String law, int beepEndMillis,
            short[] samples) {
    }

    private record Outcome(Call call, Verdict verdict, int decisionMillis, int beepMillis, int beepEndMillis) {
    }

    private AmdBenchmark() {
    }

    /** Entry point: {@code CORPUS_DIR RESULT_FILE}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: AmdBenchmark CORPUS_DIR RESULT_FILE");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        List<Call> calls = load(corpus);
        StringBuilder md = new StringBuilder();
        md.append("# AMD and call-progress detection on the synthetic corpus\n\n")
                .append("Produced by `benchmarks/amd.sh` (corpus: `benchmarks/amd-corpus.sh`, espeak-ng + sox; method and ")
                .append("limits in docs/amd.md). ").append(calls.size()).append(" calls: ").append(census(calls))
                .append(".\n\nTargets (issue 17): false positives ≤ 2 %, machine recall ≥ 85 %, every SIT code ≥ 98 %, ")
                .append("human decision p95 ≤ 1.2 s after the greeting ends.\n\nRun on the shared 2-core machine (other ")
                .append("engineers' builds alongside); every figure here is a count or a time in analysed audio, so the ")
                .append("load does not change them (only the section on the relay's cost is wall-clock CPU).\n");
        for (String preset : List.of("default", "cautious", "aggressive")) {
            AmdParameters parameters = AmdParameters.preset(preset);
            List<Outcome> outcomes = classify(calls, parameters);
            md.append(section(preset, parameters, outcomes));
            System.err.println("amd: " + preset + " done");
        }
        md.append(tonePlans(classify(calls, AmdParameters.DEFAULT)));
        md.append(noisyLines(calls));
        md.append(relaySection(Path.of(args[1]).toAbsolutePath().getParent().resolve("relay-amd.txt")));
        Files.writeString(Path.of(args[1]), md.toString());
    }

    /** The relay's cost with AMD on, as benchmarks/relay-amd.sh last measured it (a separate run), if it has. */
    static String relaySection(Path measured) throws java.io.IOException {
        if (!Files.exists(measured)) {
            return "";
        }
        return "\n## Cost on the relay (`benchmarks/relay-amd.sh`)\n\n"
                + "The RTP relay alone (no SIP, no engine): bridged calls, 20 ms PCMU both ways from loopback sockets, "
                + "the customers sending a speech stand-in. Run once with no analysis, then with a `MediaAnalysis` on "
                + "every customer port that never stops (it waits for a beep that never comes: on a real call the "
                + "analysis stops at its verdict, 1.5–3 s after the answer, unless a message drop waits for the beep). "
                + "Relay event loop CPU is the `pacer-rtp` threads' CPU time over the packets they received (customer "
                + "and agent packets: only the customer half is analysed). Shared 2-core machine, one run of each: "
                + "indicative only.\n\n" + Files.readString(measured);
    }

    private static List<Call> load(Path corpus) throws IOException {
        List<Call> calls = new ArrayList<>();
        List<String> lines = Files.readAllLines(corpus.resolve("labels.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            short[] samples = WavAudio.parse(Files.readAllBytes(corpus.resolve(f[0]))).samples();
            calls.add(new Call(f[0], Verdict.valueOf(f[1]), Integer.parseInt(f[2]), f[3], f[7],
                    f.length > 8 ? Integer.parseInt(f[8]) : 0, samples));
        }
        return calls;
    }

    private static List<Outcome> classify(List<Call> calls, AmdParameters parameters) {
        CallAnalyser analyser = new CallAnalyser(parameters);
        List<Outcome> outcomes = new ArrayList<>();
        for (Call call : calls) {
            analyser.reset();
            short[] s = call.samples();
            for (int i = 0; i < s.length; i += 160) {
                analyser.feedLinear(s, i, Math.min(160, s.length - i));
            }
            analyser.finish();
            outcomes.add(new Outcome(call, analyser.verdict(), analyser.decisionMillis(), analyser.beepMillis(),
                    analyser.beepEndMillis()));
        }
        return outcomes;
    }

    /**
     * The corpus again with white noise added above app_amd's silence threshold, where a fixed threshold hears
     * one endless word (docs/amd.md, "Noise"). Deterministic: a fixed seed.
     */
    private static String noisyLines(List<Call> calls) {
        StringBuilder md = new StringBuilder("\n## Noisy lines (preset `cautious`, white noise added in Java)\n\n")
                .append("| noise mean \\|s\\| | false positives | machine recall | NOTSURE | humans classed SILENCE |\n")
                .append("|---:|---:|---:|---:|---:|\n");
        for (int meanAbs : new int[] {100, 200, 300, 400, 500}) {
            Random random = new Random(17);
            List<Call> noisy = new ArrayList<>();
            for (Call c : calls) {
                if (c.label() == Verdict.HUMAN || c.label() == Verdict.MACHINE) {
                    short[] s = c.samples().clone();
                    for (int i = 0; i < s.length; i++) {
                        double n = (random.nextDouble() * 2 - 1) * 2 * meanAbs;
                        s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(s[i] + n)));
                    }
                    noisy.add(new Call(c.file(), c.label(), c.greetingEndMillis(), c.voice(), c.law(), c.beepEndMillis(), s));
                }
            }
            List<Outcome> outcomes = classify(noisy, AmdParameters.CAUTIOUS);
            List<Outcome> humans = of(outcomes, Verdict.HUMAN);
            List<Outcome> machines = of(outcomes, Verdict.MACHINE);
            md.append("| ").append(meanAbs).append(" | ")
                    .append(pct(count(humans, Verdict.MACHINE), humans.size())).append(" | ")
                    .append(pct(count(machines, Verdict.MACHINE), machines.size())).append(" | ")
                    .append(pct(count(outcomes, Verdict.NOTSURE), outcomes.size())).append(" | ")
                    .append(pct(count(humans, Verdict.SILENCE), humans.size())).append(" |\n");
        }
        return md.toString();
    }

    /** Busy and congestion by tone plan (the corpus names the plan in the voice column), jittered cadences. */
    private static String tonePlans(List<Outcome> outcomes) {
        StringBuilder md = new StringBuilder("\n## Busy and congestion by tone plan (preset `default`)\n\n")
                .append("Each burst and gap jittered by up to ±12 %; levels, noise and G.711 law as the rest of the corpus. ")
                .append("Decision time from the start of the recording (0.3 s of silence, then the tone).\n\n")
                .append("| plan | expected | calls | told apart | decision p50 / max |\n|---|---|---:|---:|---:|\n");
        Map<String, List<Outcome>> plans = new java.util.TreeMap<>();
        for (Outcome o : outcomes) {
            if (o.call().label() == Verdict.BUSY || o.call().label() == Verdict.CONGESTION) {
                plans.computeIfAbsent(o.call().voice(), k -> new ArrayList<>()).add(o);
            }
        }
        plans.forEach((plan, these) -> {
            long right = these.stream().filter(o -> o.verdict() == o.call().label()).count();
            int[] times = these.stream().filter(o -> o.verdict() == o.call().label()).mapToInt(Outcome::decisionMillis)
                    .sorted().toArray();
            md.append("| ").append(plan).append(" | ").append(these.get(0).call().label()).append(" | ")
                    .append(these.size()).append(" | ").append(pct(right, these.size())).append(" | ")
                    .append(times.length == 0 ? "n/a" : percentile(times, 0.5) + " / " + times[times.length - 1] + " ms")
                    .append(" |\n");
        });
        return md.toString();
    }

    private static long count(List<Outcome> outcomes, Verdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).count();
    }

    private static String census(List<Call> calls) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        calls.forEach(c -> counts.merge(c.label(), 1, Integer::sum));
        StringBuilder s = new StringBuilder();
        counts.forEach((v, n) -> s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(v));
        return s.toString();
    }

    private static String section(String preset, AmdParameters p, List<Outcome> outcomes) {
        StringBuilder md = new StringBuilder();
        md.append("\n## Preset `").append(preset).append("`\n\n").append(String.format(Locale.ROOT,
                "initial silence %d ms, greeting %d ms, after-greeting silence %d ms, total %d ms, min word %d ms, "
                        + "between words %d ms, max words %d, silence threshold %d, max word %d ms\n\n",
                p.initialSilenceMillis(), p.greetingMillis(), p.afterGreetingSilenceMillis(), p.totalAnalysisMillis(),
                p.minWordLengthMillis(), p.betweenWordsSilenceMillis(), p.maxWords(), p.silenceThreshold(),
                p.maxWordLengthMillis()));
        md.append(confusion(outcomes)).append('\n').append(figures(outcomes)).append(misses(outcomes));
        return md.toString();
    }

    private static String confusion(List<Outcome> outcomes) {
        StringBuilder md = new StringBuilder("| label \\ verdict |");
        for (Verdict v : COLUMNS) {
            md.append(' ').append(v).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(COLUMNS.length)).append('\n');
        for (Verdict label : COLUMNS) {
            int[] row = new int[Verdict.values().length];
            int total = 0;
            for (Outcome o : outcomes) {
                if (o.call().label() == label) {
                    row[o.verdict().ordinal()]++;
                    total++;
                }
            }
            if (total == 0) {
                continue;
            }
            md.append("| ").append(label).append(" |");
            for (Verdict v : COLUMNS) {
                md.append(' ').append(row[v.ordinal()] == 0 ? "·" : String.valueOf(row[v.ordinal()])).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String figures(List<Outcome> outcomes) {
        List<Outcome> humans = of(outcomes, Verdict.HUMAN);
        List<Outcome> machines = of(outcomes, Verdict.MACHINE);
        long fp = humans.stream().filter(o -> o.verdict() == Verdict.MACHINE).count();
        long caught = machines.stream().filter(o -> o.verdict() == Verdict.MACHINE).count();
        long notSure = outcomes.stream().filter(o -> o.verdict() == Verdict.NOTSURE
                && (o.call().label() == Verdict.HUMAN || o.call().label() == Verdict.MACHINE)).count();
        int[] humanAfterEnd = humans.stream().filter(o -> o.verdict() == Verdict.HUMAN)
                .mapToInt(o -> o.decisionMillis() - o.call().greetingEndMillis()).sorted().toArray();
        int[] machineFromAnswer = machines.stream().filter(o -> o.verdict() == Verdict.MACHINE)
                .mapToInt(Outcome::decisionMillis).sorted().toArray();
        int[] beepError = machines.stream().filter(o -> o.beepMillis() >= 0)
                .mapToInt(o -> Math.abs(o.beepMillis() - (o.call().greetingEndMillis() + 400))).sorted().toArray();
        StringBuilder md = new StringBuilder("| figure | value |\n|---|---:|\n");
        row(md, "false positives (HUMAN classed MACHINE)", pct(fp, humans.size()) + " (" + fp + "/" + humans.size() + ")");
        row(md, "machine recall (MACHINE classed MACHINE)", pct(caught, machines.size()) + " (" + caught + "/" + machines.size() + ")");
        row(md, "NOTSURE share of humans and machines", pct(notSure, humans.size() + machines.size()));
        for (Verdict sit : List.of(Verdict.SIT_VACANT, Verdict.SIT_INTERCEPT, Verdict.SIT_NO_CIRCUIT, Verdict.SIT_REORDER,
                Verdict.SIT_OTHER, Verdict.FAX, Verdict.BUSY, Verdict.CONGESTION, Verdict.SILENCE)) {
            List<Outcome> these = of(outcomes, sit);
            long right = these.stream().filter(o -> o.verdict() == sit).count();
            row(md, sit + " told apart", pct(right, these.size()) + " (" + right + "/" + these.size() + ")");
        }
        row(md, "HUMAN decision after the greeting ends, p50 / p95 / max", millis(humanAfterEnd));
        row(md, "MACHINE decision from the start of the recording, p50 / p95 / max", millis(machineFromAnswer));
        long beeps = machines.stream().filter(o -> o.beepMillis() >= 0).count();
        row(md, "machine beeps found", pct(beeps, machines.size()) + " (" + beeps + "/" + machines.size() + ")");
        row(md, "beep start error, p50 / p95 / max", millis(beepError));
        List<Outcome> ended = machines.stream().filter(o -> o.beepEndMillis() >= 0 && o.call().beepEndMillis() > 0).toList();
        row(md, "machine beeps whose end was found", pct(ended.size(), machines.size()) + " (" + ended.size() + "/"
                + machines.size() + ")");
        row(md, "beep end error (0.3–2 s, one to three tones), p50 / p95 / max", millis(ended.stream()
                .mapToInt(o -> Math.abs(o.beepEndMillis() - o.call().beepEndMillis())).sorted().toArray()));
        long early = ended.stream().filter(o -> o.beepEndMillis() < o.call().beepEndMillis() - 40).count();
        row(md, "beep ends reported more than 40 ms before the tone stopped", early + "/" + ended.size());
        long falseBeeps = humans.stream().filter(o -> o.beepMillis() >= 0).count();
        row(md, "beeps found in human answers", falseBeeps + "/" + humans.size());
        return md.toString();
    }

    private static String misses(List<Outcome> outcomes) {
        StringBuilder md = new StringBuilder();
        int shown = 0;
        for (Outcome o : outcomes) {
            if (o.verdict() != o.call().label() && shown < 15) {
                if (shown++ == 0) {
                    md.append("\nMisclassified (first 15): file, label → verdict at ms, voice, law\n\n");
                }
                md.append(String.format(Locale.ROOT, "- `%s` %s → %s at %d ms, %s, %s%n", o.call().file(),
                        o.call().label(), o.verdict(), o.decisionMillis(), o.call().voice(), o.call().law()));
            }
        }
        return md.toString();
    }

    private static List<Outcome> of(List<Outcome> outcomes, Verdict label) {
        return outcomes.stream().filter(o -> o.call().label() == label).toList();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String pct(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private static String millis(int[] sorted) {
        if (sorted.length == 0) {
            return "n/a";
        }
        return percentile(sorted, 0.50) + " / " + percentile(sorted, 0.95) + " / " + sorted[sorted.length - 1] + " ms";
    }

    private static int percentile(int[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
