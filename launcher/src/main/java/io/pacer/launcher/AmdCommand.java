package io.pacer.launcher;

import io.pacer.detect.AmdParameters;
import io.pacer.detect.CallAnalyser;
import io.pacer.detect.WavAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pacer amd classify FILE...}: runs the call analyser (module detect, docs/amd.md) over WAV files and
 * prints one tab-separated line per file: the file, the verdict and the decision time in milliseconds. The AMD
 * parameters come from a preset and options named after the campaign's settings. A file that cannot be read
 * or is not 8 kHz mono 16-bit PCM / G.711 gets a message naming it and the problem; the other files are still
 * classified, and the exit code is 1.
 */
final class AmdCommand {
    private static final String[] OPTIONS = {"--initial-silence-ms", "--greeting-ms", "--after-greeting-silence-ms",
        "--total-analysis-ms", "--min-word-length-ms", "--between-words-silence-ms", "--max-words",
        "--silence-threshold", "--max-word-length-ms"};

    private AmdCommand() {
    }

    /** Runs {@code amd ARGS} and returns the exit code. */
    static int run(String[] args) {
        if (args.length == 0 || !"classify".equals(args[0])) {
            System.err.println("pacer amd: expected 'classify FILE...'\n\n" + usage());
            return 2;
        }
        List<Path> files = new ArrayList<>();
        AmdParameters parameters;
        try {
            parameters = parse(args, files);
        } catch (IllegalArgumentException e) {
            System.err.println("pacer amd: " + e.getMessage());
            return 2;
        }
        if (files.isEmpty()) {
            System.err.println("pacer amd: no FILE given\n\n" + usage());
            return 2;
        }
        CallAnalyser analyser = new CallAnalyser(parameters);
        int code = 0;
        for (Path file : files) {
            code = Math.max(code, classify(file, analyser));
        }
        return code;
    }

    private static int classify(Path file, CallAnalyser analyser) {
        WavAudio audio;
        try {
            audio = WavAudio.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            System.err.println("pacer amd: " + file + ": cannot read: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("pacer amd: " + file + ": " + e.getMessage());
            return 1;
        }
        analyser.reset();
        short[] samples = audio.samples();
        analyser.feedLinear(samples, 0, samples.length);
        analyser.finish();
        System.out.println(file + "\t" + analyser.verdict() + "\t" + analyser.decisionMillis());
        return 0;
    }

    private static AmdParameters parse(String[] args, List<Path> files) {
        // A campaign's detection starts from the cautious preset (AmdSettings.OFF): classify as a campaign would.
        AmdParameters base = AmdParameters.CAUTIOUS;
        int[] values = new int[OPTIONS.length];
        boolean[] given = new boolean[OPTIONS.length];
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                files.add(Path.of(arg));
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            if ("--preset".equals(arg)) {
                base = AmdParameters.preset(value);
                continue;
            }
            int option = List.of(OPTIONS).indexOf(arg);
            if (option < 0) {
                throw new IllegalArgumentException("unknown option " + arg + "\n\n" + usage());
            }
            values[option] = integer(arg, value);
            given[option] = true;
        }
        int[] p = {base.initialSilenceMillis(), base.greetingMillis(), base.afterGreetingSilenceMillis(),
            base.totalAnalysisMillis(), base.minWordLengthMillis(), base.betweenWordsSilenceMillis(),
            base.maxWords(), base.silenceThreshold(), base.maxWordLengthMillis()};
        for (int k = 0; k < p.length; k++) {
            if (given[k]) {
                p[k] = values[k];
            }
        }
        return new AmdParameters(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    static String usage() {
        return """
                usage: pacer amd classify FILE... [--preset cautious|aggressive|default] [--initial-silence-ms N]
                         [--greeting-ms N] [--after-greeting-silence-ms N] [--total-analysis-ms N]
                         [--min-word-length-ms N] [--between-words-silence-ms N] [--max-words N]
                         [--silence-threshold N] [--max-word-length-ms N]
                prints per file: FILE <tab> VERDICT <tab> DECISION_MS (docs/amd.md); without --preset, a campaign's
                preset (cautious); default is Asterisk app_amd's values""";
    }
}
