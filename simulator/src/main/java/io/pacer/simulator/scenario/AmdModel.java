package io.pacer.simulator.scenario;

/**
 * Answering machines in a scenario and the detector that meets them (docs/scenarios.md, "Answering machines"):
 * the share of answered calls a machine answers, whether the campaign detects them, the detector's confusion
 * (people classed machine, machines classed person) and how long it takes to decide, and how long an agent
 * spends on a machine that reaches it.
 *
 * @param machineShare        share of answered calls answered by a machine (0: none)
 * @param enabled             whether the campaign runs answering-machine detection
 * @param falsePositive       chance that a person is classed MACHINE (and dropped)
 * @param falseNegative       chance that a machine is classed a person (and passed to an agent)
 * @param humanDelay          from the answer to the verdict on a person
 * @param machineDelay        from the answer to the verdict on a machine
 * @param machineTalkTime     an agent's time on a machine that reaches it (listening to the greeting, hanging up)
 */
public record AmdModel(double machineShare, boolean enabled, double falsePositive, double falseNegative,
        Distribution humanDelay, Distribution machineDelay, Distribution machineTalkTime) {

    /**
     * The bound on false positives (2 %): the corpus measured 0 % for the cautious preset, which no one
     * should plan on (benchmarks/results/amd.md).
     */
    public static final double DEFAULT_FALSE_POSITIVE = 0.02;
    /** The cautious preset's measured miss rate on the corpus: 86.4 % recall. */
    public static final double DEFAULT_FALSE_NEGATIVE = 0.136;

    /** No machines and no detection: what every scenario written before had. */
    public static final AmdModel NONE = new AmdModel(0, false, DEFAULT_FALSE_POSITIVE, DEFAULT_FALSE_NEGATIVE,
            defaultHumanDelay(), defaultMachineDelay(), defaultMachineTalkTime());

    /** A person's verdict: "Hello?" then 800 ms of silence, 1.3 to 2.3 s after the answer. */
    static Distribution defaultHumanDelay() {
        return Distribution.uniform(1_300_000_000L, 2_300_000_000L);
    }

    /** A machine's verdict: the greeting's word count or length, 1.5 to 3 s after the answer. */
    static Distribution defaultMachineDelay() {
        return Distribution.uniform(1_500_000_000L, 3_000_000_000L);
    }

    /** An agent who gets a machine listens a few seconds before hanging up. */
    static Distribution defaultMachineTalkTime() {
        return Distribution.constant(8_000_000_000L);
    }
}
