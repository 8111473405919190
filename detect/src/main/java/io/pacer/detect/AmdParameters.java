package io.pacer.detect;

/**
 * The parameters of the classic answering-machine state machine, named and defaulted as in Asterisk's
 * {@code app_amd} (docs/amd.md has the table and the sources). All durations in milliseconds; the silence
 * threshold is a mean absolute 16-bit sample value below which a 20 ms frame is silence.
 *
 * @param initialSilenceMillis      silence before any speech after which the call is SILENCE
 * @param greetingMillis            total speech in the greeting after which the call is MACHINE
 * @param afterGreetingSilenceMillis silence after speech after which the call is HUMAN
 * @param totalAnalysisMillis       analysis time after which the call is NOTSURE
 * @param minWordLengthMillis       the shortest run of speech counted as a word
 * @param betweenWordsSilenceMillis the shortest silence that ends a word
 * @param maxWords                  more words than this is MACHINE
 * @param silenceThreshold          mean |sample| below which a frame is silence
 * @param maxWordLengthMillis       one word longer than this is MACHINE
 */
public record AmdParameters(int initialSilenceMillis, int greetingMillis, int afterGreetingSilenceMillis,
                            int totalAnalysisMillis, int minWordLengthMillis, int betweenWordsSilenceMillis,
                            int maxWords, int silenceThreshold, int maxWordLengthMillis) {

    /** Asterisk app_amd's compiled-in defaults (HEAD, maximum_number_of_words 2 with "exceeded" semantics). */
    public static final AmdParameters DEFAULT = new AmdParameters(2500, 1500, 800, 5000, 100, 50, 2, 256, 5000);

    /**
     * As few live answers lost as possible: a 2 s greeting and four words before MACHINE, so that "Hello, who is
     * this?" is a person; more short greetings get through as HUMAN. Chosen by the sweep in docs/amd.md
     * (benchmarks/results/amd.md).
     */
    public static final AmdParameters CAUTIOUS = new AmdParameters(3000, 2000, 800, 5000, 100, 50, 4, 256, 5000);

    /**
     * More machines caught and sooner: a 1.2 s greeting, three words, 700 ms of after-greeting silence (a person
     * is connected sooner too) and 4 s of analysis at most; more live answers are lost than with CAUTIOUS.
     * Chosen by the sweep in docs/amd.md (benchmarks/results/amd.md).
     */
    public static final AmdParameters AGGRESSIVE = new AmdParameters(2000, 1200, 700, 4000, 100, 50, 3, 256, 4000);

    /** Checks every value and names the first one out of range. */
    public AmdParameters {
        positive("initial silence", initialSilenceMillis);
        positive("greeting", greetingMillis);
        positive("after-greeting silence", afterGreetingSilenceMillis);
        positive("total analysis time", totalAnalysisMillis);
        positive("minimum word length", minWordLengthMillis);
        positive("between-words silence", betweenWordsSilenceMillis);
        positive("maximum number of words", maxWords);
        positive("silence threshold", silenceThreshold);
        positive("maximum word length", maxWordLengthMillis);
        if (silenceThreshold > 32767) {
            throw new IllegalArgumentException("silence threshold " + silenceThreshold + " is above 32767");
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** A preset by name: default, cautious or aggressive. */
    public static AmdParameters preset(String name) {
        return switch (name) {
            case "default" -> DEFAULT;
            case "cautious" -> CAUTIOUS;
            case "aggressive" -> AGGRESSIVE;
            default -> throw new IllegalArgumentException(
                    "unknown AMD preset '" + name + "' (default, cautious or aggressive)");
        };
    }
}
