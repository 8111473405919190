package io.pacer.detect;

/**
 * A bank of Goertzel filters at fixed frequencies over one analysis window, reporting which filter holds the
 * most energy and how pure that tone is. Purity is the filter's power over the power a pure sine at its
 * frequency would give for the window's total energy: 1 for a clean tone on the filter, near 0 for speech or
 * noise. With a 320-sample window (40 ms) the filters are 25 Hz wide, so 913.8 and 985.2 Hz (71 Hz apart)
 * land in different filters with the other one about 13 dB down. State is pre-sized; {@link #analyse}
 * allocates nothing.
 */
public final class ToneBank {
    private final double[] frequenciesHz;
    private final double[] coefficients;
    private final double[] cosines;
    private final double[] sines;
    private final double[] purities;
    private int strongest = -1;
    private double purity;
    private double meanAbs;

    /** A bank for these frequencies at an 8 kHz sample rate. */
    public ToneBank(double... frequenciesHz) {
        this.frequenciesHz = frequenciesHz.clone();
        this.coefficients = new double[frequenciesHz.length];
        this.cosines = new double[frequenciesHz.length];
        this.sines = new double[frequenciesHz.length];
        this.purities = new double[frequenciesHz.length];
        for (int i = 0; i < frequenciesHz.length; i++) {
            double w = 2 * Math.PI * frequenciesHz[i] / Signal.SAMPLE_RATE_HZ;
            coefficients[i] = 2 * Math.cos(w);
            cosines[i] = Math.cos(w);
            sines[i] = Math.sin(w);
        }
    }

    /**
     * Runs every filter over {@code length} samples of a ring buffer starting at {@code start} (wrapping at the
     * buffer's end) and keeps the strongest filter, its purity and the window's mean absolute level.
     */
    public void analyse(short[] ring, int start, int length) {
        double energy = 0;
        long absSum = 0;
        for (int n = 0; n < length; n++) {
            int x = ring[(start + n) % ring.length];
            energy += (double) x * x;
            absSum += Math.abs(x);
        }
        meanAbs = (double) absSum / length;
        strongest = -1;
        purity = 0;
        java.util.Arrays.fill(purities, 0);
        if (energy <= 0) {
            return;
        }
        for (int k = 0; k < coefficients.length; k++) {
            purities[k] = power(ring, start, length, k) / (energy * length / 2);
            if (purities[k] > purity) {
                purity = purities[k];
                strongest = k;
            }
        }
    }

    /** Goertzel power of filter k; the final step uses the exact phase so an off-bin frequency is not biased. */
    private double power(short[] ring, int start, int length, int k) {
        double coefficient = coefficients[k];
        double s1 = 0;
        double s2 = 0;
        for (int n = 0; n < length; n++) {
            double s0 = ring[(start + n) % ring.length] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double real = s1 - s2 * cosines[k];
        double imaginary = s2 * sines[k];
        return real * real + imaginary * imaginary;
    }

    /** Index of the strongest filter in the last window, or -1 if the window was all zero. */
    public int strongest() {
        return strongest;
    }

    /** Purity of the strongest filter in the last window, 0..~1. */
    public double purity() {
        return purity;
    }

    /** Purity of filter {@code index} in the last window: its share of a pure sine's power, 0..~1. */
    public double purity(int index) {
        return purities[index];
    }

    /** Mean absolute sample value of the last window. */
    public double meanAbs() {
        return meanAbs;
    }

    /** The frequency of filter {@code index}. */
    public double frequencyHz(int index) {
        return frequenciesHz[index];
    }
}
