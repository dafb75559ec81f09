package com.engagementconductor.anomaly;

import java.util.Arrays;

/**
 * One session's Half-Space Trees state (R3.5): a byte per node for the latest and the reference mass (counts never
 * exceed the 60-point window) and the calibration of the raw score. About 10 KiB.
 */
final class HalfSpaceTreesState {

    static final int WINDOW = 60;
    private static final int MIN_MASS = 6;
    private static final double NORMALISER = (double) HalfSpaceTrees.TREES * WINDOW * HalfSpaceTrees.NODES;
    private static final double Z_OFFSET = 2.0;
    private static final double Z_SPAN = 4.0;

    private final HalfSpaceTrees forest;
    private final byte[] latest = new byte[HalfSpaceTrees.TREES * HalfSpaceTrees.NODES];
    private final byte[] reference = new byte[HalfSpaceTrees.TREES * HalfSpaceTrees.NODES];
    private final int[] path = new int[HalfSpaceTrees.HEIGHT + 1];
    private final EwmaBaseline calibration;
    private int learned;
    private boolean hasReference;

    HalfSpaceTreesState(HalfSpaceTrees forest, DetectorSettings settings) {
        this.forest = forest;
        this.calibration = new EwmaBaseline(settings);
    }

    /**
     * Scores the point, then learns it; returns the calibrated score s_hst. It is 0 until the first window has been
     * copied, and on the first scored point, which only initialises the calibration mean.
     */
    double observe(double[] features) {
        double score = 0.0;
        if (hasReference) {
            double raw = rawScore(features);
            if (calibration.ready()) {
                double z = calibration.standardised(raw);
                score = Thresholds.clamp01((z - Z_OFFSET) / Z_SPAN);
                calibration.update(raw);
            } else {
                calibration.start(raw, 0.0);
            }
        }
        learn(features);
        return score;
    }

    boolean canScore() {
        return hasReference;
    }

    /** 1 − Σ reference·2^depth ÷ (10·60·(2⁹−1)), each path stopping after the first node with mass below 6. */
    double rawScore(double[] features) {
        if (!hasReference) {
            throw new IllegalStateException("no reference window yet: " + learned + " points learned");
        }
        long total = 0;
        for (int tree = 0; tree < HalfSpaceTrees.TREES; tree++) {
            forest.path(tree, features, path);
            int base = tree * HalfSpaceTrees.NODES;
            for (int depth = 0; depth <= HalfSpaceTrees.HEIGHT; depth++) {
                int mass = reference[base + path[depth]];
                total += (long) mass << depth;
                if (mass < MIN_MASS) {
                    break;
                }
            }
        }
        return 1.0 - total / NORMALISER;
    }

    /** Adds 1 to the latest mass along each tree's path; every 60 points, latest becomes reference. */
    void learn(double[] features) {
        for (int tree = 0; tree < HalfSpaceTrees.TREES; tree++) {
            forest.path(tree, features, path);
            int base = tree * HalfSpaceTrees.NODES;
            for (int depth = 0; depth <= HalfSpaceTrees.HEIGHT; depth++) {
                latest[base + path[depth]]++;
            }
        }
        learned++;
        if (learned == WINDOW) {
            System.arraycopy(latest, 0, reference, 0, latest.length);
            Arrays.fill(latest, (byte) 0);
            hasReference = true;
            learned = 0;
        }
    }

    /** Forgets all masses and the calibration (detector reset). */
    void clear() {
        Arrays.fill(latest, (byte) 0);
        Arrays.fill(reference, (byte) 0);
        calibration.clear();
        learned = 0;
        hasReference = false;
    }
}
