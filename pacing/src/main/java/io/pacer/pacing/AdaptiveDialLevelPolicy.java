package io.pacer.pacing;

/**
 * The yardstick: an adaptive dial level in the manner of the common open-source dialer (VICIdial's
 * {@code AST_VDadapt.pl} and {@code AST_VDauto_dial.pl}, as summarised in {@code docs/pacing.md}).
 *
 * <p>Calls up = round(level x (ready + talking agents)) less the calls already up (in flight and talking). Once
 * a second it samples ready agents and customers waiting; every 15 s it moves the level by the 15-sample
 * averages, {@code level *= 1 + (ready - waiting) / agents}, clamped to [1, max level]. Drop rules: more than
 * 20 answers in the last minute with over half dropped halves the level; once more than 50 answers are counted
 * and the drop rate since the start passes the target, the level is tapered by target / rate. It ignores ring
 * time, answer probability and handle-time distributions, which is the point of comparing against it.
 */
public final class AdaptiveDialLevelPolicy implements DialPolicy {
    private static final long SECOND = 1_000_000_000L;
    private static final int SAMPLES = 15;
    private final double target;
    private final double maxLevel;
    private final double[] readySamples = new double[SAMPLES];
    private final double[] waitingSamples = new double[SAMPLES];
    private final double[] agentSamples = new double[SAMPLES];
    private final long[] minuteAnswers = new long[60];
    private final long[] minuteDrops = new long[60];
    private int samples;
    private long nextSampleNanos = Long.MIN_VALUE;
    private long nextAdaptNanos = Long.MIN_VALUE;
    private double level = 1.0;
    private long answers;
    private long drops;
    private long currentSecond = Long.MIN_VALUE;

    /**
     * @param target   drop-rate limit (0.03)
     * @param maxLevel highest dial level (3.0 in the original)
     */
    public AdaptiveDialLevelPolicy(double target, double maxLevel) {
        if (!(target > 0 && target < 1) || !(maxLevel >= 1)) {
            throw new IllegalArgumentException("adaptive: target must be within (0, 1) and max level >= 1");
        }
        this.target = target;
        this.maxLevel = maxLevel;
    }

    @Override
    public void decide(PacingInput in, PacingDecision out) {
        long now = in.nowNanos;
        if (nextSampleNanos == Long.MIN_VALUE) {
            nextSampleNanos = now;
            nextAdaptNanos = now + SAMPLES * SECOND;
        }
        while (now >= nextSampleNanos) {
            int slot = samples++ % SAMPLES;
            readySamples[slot] = in.readyAgents;
            waitingSamples[slot] = in.waitingCalls;
            agentSamples[slot] = in.readyAgents + in.talkingAgents;
            nextSampleNanos += SECOND;
        }
        if (now >= nextAdaptNanos) {
            adapt(now);
            nextAdaptNanos = now + SAMPLES * SECOND;
        }
        int agents = in.readyAgents + in.talkingAgents;
        int up = in.callsInFlight() + in.talkingAgents;
        int wanted = (int) Math.round(level * agents) - up;
        int headroom = in.channelLimit - in.callsInFlight();
        out.set(Math.min(wanted, headroom), level, 0.0);
    }

    private void adapt(long now) {
        advanceMinuteWindow(now / SECOND);
        int n = Math.min(samples, SAMPLES);
        double ready = 0;
        double waiting = 0;
        double agents = 0;
        for (int i = 0; i < n; i++) {
            ready += readySamples[i];
            waiting += waitingSamples[i];
            agents += agentSamples[i];
        }
        if (n > 0 && agents > 0) {
            level *= 1.0 + (ready - waiting) / agents;
        }
        long lastMinuteAnswers = 0;
        long lastMinuteDrops = 0;
        for (int i = 0; i < 60; i++) {
            lastMinuteAnswers += minuteAnswers[i];
            lastMinuteDrops += minuteDrops[i];
        }
        if (lastMinuteAnswers > 20 && lastMinuteDrops * 2 > lastMinuteAnswers) {
            level *= 0.5;
        }
        if (answers > 50) {
            double rate = (double) drops / answers;
            if (rate > target) {
                level *= target / rate;
            }
        }
        level = Math.max(1.0, Math.min(maxLevel, level));
    }

    /** Clears the one-second slots the clock has passed, so the window always covers the last 60 s. */
    private void advanceMinuteWindow(long second) {
        if (currentSecond == Long.MIN_VALUE) {
            currentSecond = second;
            return;
        }
        for (long s = currentSecond + 1; s <= second && s <= currentSecond + 60; s++) {
            int slot = (int) Math.floorMod(s, 60L);
            minuteAnswers[slot] = 0;
            minuteDrops[slot] = 0;
        }
        currentSecond = Math.max(currentSecond, second);
    }

    @Override
    public void onAnswerHandled(long nowNanos, boolean abandoned) {
        long second = nowNanos / SECOND;
        advanceMinuteWindow(second);
        int slot = (int) Math.floorMod(second, 60L);
        minuteAnswers[slot]++;
        answers++;
        if (abandoned) {
            minuteDrops[slot]++;
            drops++;
        }
    }

    /** Current dial level (calls up per active agent). */
    public double level() {
        return level;
    }

    @Override
    public String name() {
        return "adaptive";
    }
}
