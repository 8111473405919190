package io.pacer.simulator.run;

import io.pacer.simulator.world.PreviewFigures;

/**
 * The figures of one simulated shift (one seed, one policy), as defined in {@code docs/scenarios.md}.
 *
 * @param violations broken engine invariants seen by the world (must be 0)
 * @param machineAnswers     calls a machine answered (not in {@code answers}, which counts people)
 * @param amdFalsePositives  people the detector classed machine and the campaign dropped: abandoned calls, in
 *                           {@code abandons}
 * @param machinesToAgents   machines that reached an agent (detection off, or missed)
 * @param inboundOffered     customers who called the campaign (blending), none of them in {@code dials}
 * @param inboundAnswered    callers an agent answered
 * @param inboundMissed      callers who hung up in the queue or reached its maximum wait
 * @param inboundWaitMeanSeconds how long a caller who was answered waited, on average
 * @param preview            the preview desk's figures (preview and push-preview; {@link PreviewFigures#NONE} else)
 */
public record RunResult(
        long seed,
        double abandonRate,
        double abandonRateWorstHour,
        double occupancy,
        double utilization,
        double agentWaitMeanSeconds,
        double connectsPerAgentHour,
        long dials,
        long answers,
        long abandons,
        long events,
        double wallSeconds,
        long violations,
        String firstViolation,
        long machineAnswers,
        long amdFalsePositives,
        long machinesToAgents,
        long inboundOffered,
        long inboundAnswered,
        long inboundMissed,
        double inboundWaitMeanSeconds,
        PreviewFigures preview) {
}
