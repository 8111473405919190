package io.pacer.pacing;

/** The standard normal distribution function, accurate to about 1e-7, with no allocation. */
public final class Gaussian {
    private Gaussian() {
    }

    /** P(Z <= x) for a standard normal Z. */
    public static double cdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2.0));
    }

    /** Complementary error function (Chebyshev fit, fractional error below 1.2e-7 everywhere). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
