package io.pacer.detect;

/** The framing every detector in this package shares: 8 kHz samples, analysed in 20 ms frames. */
public final class Signal {
    /** Telephone audio (G.711) is sampled at 8 kHz. */
    public static final int SAMPLE_RATE_HZ = 8000;
    /** One analysis frame: 20 ms, the usual RTP packet and app_amd's frame. */
    public static final int FRAME_SAMPLES = 160;
    /** Duration of one frame. */
    public static final int FRAME_MILLIS = 20;
    /** Tone analysis window: the last two frames, 40 ms, for 25 Hz wide filters. */
    public static final int WINDOW_SAMPLES = 2 * FRAME_SAMPLES;

    private Signal() {
    }
}
