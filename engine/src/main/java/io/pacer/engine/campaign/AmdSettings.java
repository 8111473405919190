package io.pacer.engine.campaign;

import io.pacer.engine.campaign.CampaignConfig.InvalidSettingException;

/**
 * A campaign's answering-machine detection: off, or on with the parameters of the classic state machine
 * (docs/amd.md, named and defaulted as in Asterisk's app_amd, with the presets measured on the corpus), what
 * to do with a machine and with a call the analysis is not sure of, and the estimate of live answers it
 * classes as machines (the Ofcom false-positive estimate, docs/compliance.md).
 *
 * <p>While the analysis listens, the call is held from agents; the time it takes counts toward the connect
 * limit (the two-second rule), so the core stops waiting for a verdict at the connect limit.
 *
 * @param enabled                    whether answered calls are analysed at all
 * @param preset                     the preset the parameters start from: default, cautious or aggressive
 * @param initialSilenceMillis       silence before any speech after which the call is SILENCE
 * @param greetingMillis             total speech after which the call is MACHINE
 * @param afterGreetingSilenceMillis silence after speech after which the call is HUMAN
 * @param totalAnalysisMillis        analysis time after which the call is NOTSURE
 * @param minWordLengthMillis        the shortest run of speech counted as a word
 * @param betweenWordsSilenceMillis  the shortest silence that ends a word
 * @param maxWords                   more words than this is MACHINE
 * @param silenceThreshold           mean |16-bit sample| below which a 20 ms frame is silence
 * @param maxWordLengthMillis        one word longer than this is MACHINE
 * @param machineAction              HANG_UP, MESSAGE_DROP or AGENT
 * @param notSureAction              for NOTSURE and SILENCE: AGENT, or ABANDON (the abandon message, counted abandoned)
 * @param falsePositiveRate          the share of live answers the analysis classes MACHINE, as the operator
 *                                   estimates it (by default the preset's measured figure, docs/amd.md)
 */
public record AmdSettings(boolean enabled, String preset, int initialSilenceMillis, int greetingMillis,
        int afterGreetingSilenceMillis, int totalAnalysisMillis, int minWordLengthMillis, int betweenWordsSilenceMillis,
        int maxWords, int silenceThreshold, int maxWordLengthMillis, String machineAction, String notSureAction,
        double falsePositiveRate) {

    /** No detection: every answer goes to an agent at once. */
    public static final AmdSettings OFF = preset(false, "cautious");

    /** Checks every value and names the first one out of range (as the API names it). */
    public AmdSettings {
        require(preset != null && presetValues(preset) != null, "preset", "must be default, cautious or aggressive");
        range("initialSilenceMillis", initialSilenceMillis, 100, 10_000);
        range("greetingMillis", greetingMillis, 100, 10_000);
        range("afterGreetingSilenceMillis", afterGreetingSilenceMillis, 100, 5_000);
        range("totalAnalysisMillis", totalAnalysisMillis, 500, 30_000);
        range("minWordLengthMillis", minWordLengthMillis, 20, 2_000);
        range("betweenWordsSilenceMillis", betweenWordsSilenceMillis, 20, 2_000);
        range("maxWords", maxWords, 1, 20);
        range("silenceThreshold", silenceThreshold, 1, 32_767);
        range("maxWordLengthMillis", maxWordLengthMillis, 100, 30_000);
        require("HANG_UP".equals(machineAction) || "MESSAGE_DROP".equals(machineAction) || "AGENT".equals(machineAction),
                "machineAction", "must be HANG_UP, MESSAGE_DROP or AGENT");
        require("AGENT".equals(notSureAction) || "ABANDON".equals(notSureAction),
                "notSureAction", "must be AGENT or ABANDON");
        require(falsePositiveRate >= 0 && falsePositiveRate < 1, "falsePositiveRate", "must be within [0, 1)");
    }

    /**
     * A preset's parameters with the default actions (machines hung up, not-sure calls to agents) and the
     * preset's false-positive estimate.
     */
    public static AmdSettings preset(boolean enabled, String name) {
        int[] v = presetValues(name);
        if (v == null) {
            throw new InvalidSettingException("preset", "must be default, cautious or aggressive");
        }
        return new AmdSettings(enabled, name, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], "HANG_UP", "AGENT",
                presetFalsePositiveRate(name));
    }

    /**
     * The false-positive estimate a preset starts with: its rate on the corpus (benchmarks/results/amd.md), and
     * never less than 3/190 = 1.6 %, the rule-of-three bound of the corpus's 190 human answers (0 of 190 seen is
     * not 0 %). The regulator expects the operator's own estimate from live sampling; this is only a start.
     */
    public static double presetFalsePositiveRate(String name) {
        return switch (name) {
            case "default" -> 0.121;
            default -> 0.016;
        };
    }

    /** initial silence, greeting, after-greeting silence, total, min word, between words, max words, threshold, max word. */
    private static int[] presetValues(String name) {
        return switch (name) {
            case "default" -> new int[] {2500, 1500, 800, 5000, 100, 50, 2, 256, 5000};
            case "cautious" -> new int[] {3000, 2000, 800, 5000, 100, 50, 4, 256, 5000};
            case "aggressive" -> new int[] {2000, 1200, 700, 4000, 100, 50, 3, 256, 4000};
            default -> null;
        };
    }

    /** The action for a MACHINE verdict. */
    public io.pacer.engine.call.AmdAction machine() {
        return io.pacer.engine.call.AmdAction.valueOf(machineAction);
    }

    /** The action for a NOTSURE or SILENCE verdict. */
    public io.pacer.engine.call.AmdAction notSure() {
        return io.pacer.engine.call.AmdAction.valueOf(notSureAction);
    }

    private static void range(String field, int value, int min, int max) {
        require(value >= min && value <= max, field, "must be within " + min + ".." + max + ", was " + value);
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new InvalidSettingException(field, problem);
        }
    }
}
