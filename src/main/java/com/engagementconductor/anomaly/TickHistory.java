package com.engagementconductor.anomaly;

/** Ring buffers of the fed values of x and p, sized from the tick (reference window, "60 s earlier", p̄, warm-up). */
final class TickHistory {

    private final double[] xs;
    private final double[] ps;
    private int next;
    private int size;

    TickHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        xs = new double[capacity];
        ps = new double[capacity];
    }

    void add(double x, double p) {
        xs[next] = x;
        ps[next] = p;
        next = (next + 1) % xs.length;
        size = Math.min(size + 1, xs.length);
    }

    int size() {
        return size;
    }

    /** The value of x {@code back} fed ticks ago (1 = the previous one). */
    double x(int back) {
        return xs[index(back)];
    }

    double p(int back) {
        return ps[index(back)];
    }

    /** Mean of the last {@code n} values of x (n ≤ size). */
    double meanX(int n) {
        return sum(xs, n) / n;
    }

    /** Mean of the last {@code n} values of p (n ≤ size). */
    double meanP(int n) {
        return sum(ps, n) / n;
    }

    /** Sum of the last {@code n} values of p (n ≤ size), in the order they were fed. */
    double sumP(int n) {
        return sum(ps, n);
    }

    /** Sample variance (n − 1) of the last {@code n} values of x. */
    double sampleVarianceX(int n) {
        double mean = meanX(n);
        double squares = 0;
        for (int back = n; back >= 1; back--) {
            double d = x(back) - mean;
            squares += d * d;
        }
        return squares / (n - 1);
    }

    void clear() {
        next = 0;
        size = 0;
    }

    private double sum(double[] values, int n) {
        double total = 0;
        for (int back = n; back >= 1; back--) {
            total += values[index(back)];
        }
        return total;
    }

    private int index(int back) {
        if (back < 1 || back > size) {
            throw new IllegalArgumentException("back must be in [1," + size + "]: " + back);
        }
        return Math.floorMod(next - back, xs.length);
    }
}
