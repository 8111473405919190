package io.pacer.simulator.world;

/**
 * What the simulated agents did with the engine's preview offers in one shift, as {@code docs/scenarios.md}
 * defines the figures. Each offer ends one way: {@code offers = accepts + skips + callLaters + doNotCalls +
 * timeouts + openAtEnd}.
 *
 * @param offers             records the engine offered to agents
 * @param accepts            offers accepted (the engine dialled them for the agent)
 * @param skips              offers skipped
 * @param callLaters         offers set to call later
 * @param doNotCalls         offers marked do-not-call
 * @param timeouts           offers the engine took back at the campaign's preview timeout
 * @param lateAnswers        answers drawn to come after the timeout, dropped (their offers are in {@code timeouts})
 * @param openAtEnd          offers still open when the shift ended
 * @param decisionMeanSeconds how long an answered offer was looked at, on average
 * @param timeoutMinSeconds  the shortest an offer was open before the engine took it back (0: no timeouts)
 * @param timeoutMaxSeconds  the longest
 * @param pauses             times the engine paused an agent for missing the campaign's number of offers in a row
 * @param pausedShare        time agents spent so paused over logged-in agent time
 * @param previewShare       time looking at offers over logged-in agent time
 * @param busyShare          (talk + wrap-up + looking at offers + waiting for the accepted call) over logged-in time
 */
public record PreviewFigures(long offers, long accepts, long skips, long callLaters, long doNotCalls, long timeouts,
                             long lateAnswers, long openAtEnd, double decisionMeanSeconds, double timeoutMinSeconds,
                             double timeoutMaxSeconds, long pauses, double pausedShare, double previewShare,
                             double busyShare) {

    /** No offers: the paced modes. */
    public static final PreviewFigures NONE = new PreviewFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
