package io.pacer.simulator.scenario;

/**
 * A campaign shift for the simulator, as described in {@code docs/scenarios.md}: the agents, how contacts
 * behave, the targets, and the lists and numbers ({@link ListModel}).
 */
public record Scenario(
        String name,
        long shiftNanos,
        int seeds,
        Steps agents,
        Steps answerProbability,
        double busyProbability,
        double failureProbability,
        Distribution ringTime,
        Distribution busyTime,
        Distribution failureTime,
        long noAnswerTimeoutNanos,
        Distribution talkTime,
        Distribution wrapTime,
        double abandonTarget,
        long connectLimitNanos,
        ListModel lists) {

    /** A scenario without lists and numbers ({@link ListModel#NONE}). */
    public Scenario(String name, long shiftNanos, int seeds, Steps agents, Steps answerProbability, double busyProbability,
            double failureProbability, Distribution ringTime, Distribution busyTime, Distribution failureTime,
            long noAnswerTimeoutNanos, Distribution talkTime, Distribution wrapTime, double abandonTarget,
            long connectLimitNanos) {
        this(name, shiftNanos, seeds, agents, answerProbability, busyProbability, failureProbability, ringTime, busyTime,
                failureTime, noAnswerTimeoutNanos, talkTime, wrapTime, abandonTarget, connectLimitNanos, ListModel.NONE);
    }
}
