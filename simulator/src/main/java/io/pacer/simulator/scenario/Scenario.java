package io.pacer.simulator.scenario;

/**
 * A campaign shift for the simulator, as described in {@code docs/scenarios.md}: the agents, how contacts
 * behave, the targets, the lists and numbers ({@link ListModel}), the customers who call back
 * ({@link InboundModel}) and how agents work preview offers ({@link PreviewModel}).
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
        AmdModel amd,
        ListModel lists,
        InboundModel inbound,
        PreviewModel preview) {

    /** A scenario without preview keys: agents accept every preview offer at once ({@link PreviewModel#NONE}). */
    public Scenario(String name, long shiftNanos, int seeds, Steps agents, Steps answerProbability, double busyProbability,
            double failureProbability, Distribution ringTime, Distribution busyTime, Distribution failureTime,
            long noAnswerTimeoutNanos, Distribution talkTime, Distribution wrapTime, double abandonTarget,
            long connectLimitNanos, AmdModel amd, ListModel lists, InboundModel inbound) {
        this(name, shiftNanos, seeds, agents, answerProbability, busyProbability, failureProbability, ringTime, busyTime,
                failureTime, noAnswerTimeoutNanos, talkTime, wrapTime, abandonTarget, connectLimitNanos, amd, lists,
                inbound, PreviewModel.NONE);
    }

    /** A scenario with answering machines, lists and numbers, without inbound calls. */
    public Scenario(String name, long shiftNanos, int seeds, Steps agents, Steps answerProbability, double busyProbability,
            double failureProbability, Distribution ringTime, Distribution busyTime, Distribution failureTime,
            long noAnswerTimeoutNanos, Distribution talkTime, Distribution wrapTime, double abandonTarget,
            long connectLimitNanos, AmdModel amd, ListModel lists) {
        this(name, shiftNanos, seeds, agents, answerProbability, busyProbability, failureProbability, ringTime, busyTime,
                failureTime, noAnswerTimeoutNanos, talkTime, wrapTime, abandonTarget, connectLimitNanos, amd, lists,
                InboundModel.NONE);
    }

    /** A scenario without answering machines, lists or numbers. */
    public Scenario(String name, long shiftNanos, int seeds, Steps agents, Steps answerProbability, double busyProbability,
            double failureProbability, Distribution ringTime, Distribution busyTime, Distribution failureTime,
            long noAnswerTimeoutNanos, Distribution talkTime, Distribution wrapTime, double abandonTarget,
            long connectLimitNanos) {
        this(name, shiftNanos, seeds, agents, answerProbability, busyProbability, failureProbability, ringTime, busyTime,
                failureTime, noAnswerTimeoutNanos, talkTime, wrapTime, abandonTarget, connectLimitNanos, AmdModel.NONE,
                ListModel.NONE);
    }

    /** A scenario with answering machines, without lists or numbers. */
    public Scenario(String name, long shiftNanos, int seeds, Steps agents, Steps answerProbability, double busyProbability,
            double failureProbability, Distribution ringTime, Distribution busyTime, Distribution failureTime,
            long noAnswerTimeoutNanos, Distribution talkTime, Distribution wrapTime, double abandonTarget,
            long connectLimitNanos, AmdModel amd) {
        this(name, shiftNanos, seeds, agents, answerProbability, busyProbability, failureProbability, ringTime, busyTime,
                failureTime, noAnswerTimeoutNanos, talkTime, wrapTime, abandonTarget, connectLimitNanos, amd,
                ListModel.NONE);
    }

    /** A scenario with lists and numbers, without answering machines. */
    public Scenario(String name, long shiftNanos, int seeds, Steps agents, Steps answerProbability, double busyProbability,
            double failureProbability, Distribution ringTime, Distribution busyTime, Distribution failureTime,
            long noAnswerTimeoutNanos, Distribution talkTime, Distribution wrapTime, double abandonTarget,
            long connectLimitNanos, ListModel lists) {
        this(name, shiftNanos, seeds, agents, answerProbability, busyProbability, failureProbability, ringTime, busyTime,
                failureTime, noAnswerTimeoutNanos, talkTime, wrapTime, abandonTarget, connectLimitNanos, AmdModel.NONE,
                lists);
    }
}
