package io.pacer.pacing;

/** Builders for pacing snapshots and for a predictive policy already past its warm-up. */
final class PolicyFixtures {
    static final long S = 1_000_000_000L;

    private PolicyFixtures() {
    }

    static PacingInput input(int ready, int talking, int wrapping, int ringing) {
        PacingInput in = new PacingInput();
        in.reset(1000 * S, 256, 1024);
        in.readyAgents = ready;
        for (int i = 0; i < talking; i++) {
            in.addTalking(10 * S);
        }
        for (int i = 0; i < wrapping; i++) {
            in.addWrapping(1 * S);
        }
        for (int i = 0; i < ringing; i++) {
            in.addRinging(1 * S);
        }
        return in;
    }

    /**
     * A predictive policy that has seen {@code dials} dials answered with probability {@code answerRate} after
     * 8 s (others fail after 3 s or ring out at 25 s), and talks of {@code talkSeconds} with 10 s wrap-ups.
     */
    static PredictivePolicy trained(double answerRate, int talkSeconds, int dials) {
        PredictivePolicy p = new PredictivePolicy(PredictiveSettings.defaults(0.03, 25 * S, 2 * S));
        int answered = 0;
        for (int i = 0; i < dials; i++) {
            // Deterministic mix: answer whenever the running share falls below the rate.
            if (answered < answerRate * (i + 1)) {
                answered++;
                p.onDialResolved(0, DialResult.ANSWERED, 8 * S);
            } else if (i % 3 == 0) {
                p.onDialResolved(0, DialResult.RANG_OUT, 25 * S);
            } else {
                p.onDialResolved(0, DialResult.NOT_ANSWERED, 3 * S);
            }
        }
        for (int i = 0; i < 200; i++) {
            p.onTalkEnded(0, (talkSeconds - 20 + (i % 41)) * S);
            p.onWrapEnded(0, 10 * S);
        }
        for (int i = 0; i < 300; i++) {
            p.onAnswerHandled(i * S, i % 40 == 0);
        }
        return p;
    }
}
