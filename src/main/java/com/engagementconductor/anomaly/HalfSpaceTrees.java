package com.engagementconductor.anomaly;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The random forest structure of Half-Space Trees, built once per deployment from a seed and shared by all sessions
 * (R3.5). Immutable, thread-safe; each session keeps its own masses in {@link HalfSpaceTreesState}.
 */
public final class HalfSpaceTrees {

    static final int TREES = 10;
    static final int HEIGHT = 8;
    static final int FEATURES = 5;
    /** Internal nodes per tree (depths 0..7), stored in heap order: node i has children 2i+1 and 2i+2. */
    static final int INTERNAL_NODES = (1 << HEIGHT) - 1;
    /** All nodes per tree, leaves (depth 8) included: 2⁹ − 1. */
    static final int NODES = (1 << (HEIGHT + 1)) - 1;

    private static final double PADDING = 0.15;
    private static final double LEAVE_RANGE = 0.30;

    private final byte[] splitFeature = new byte[TREES * INTERNAL_NODES];
    private final double[] splitValue = new double[TREES * INTERNAL_NODES];

    /** Builds the 10 trees of height 8 over the 5 scaled features from the deployment seed. */
    public HalfSpaceTrees(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int tree = 0; tree < TREES; tree++) {
            double[] low = new double[FEATURES];
            double[] high = new double[FEATURES];
            Arrays.fill(high, 1.0);
            build(tree, 0, low, high, random);
        }
    }

    /**
     * The features of a tick, min-max scaled over their known ranges and clipped to [0, 1]: detection score, chat_n,
     * react_n, active_n over [0, 1] and the leave rate over [0, 0.30].
     */
    public static double[] features(FedTick tick) {
        return new double[] {
            Thresholds.clamp01(tick.detectionScore()),
            Thresholds.clamp01(tick.chatN()),
            Thresholds.clamp01(tick.reactN()),
            Thresholds.clamp01(tick.activeN()),
            Thresholds.clamp01(tick.leaveRate() / LEAVE_RANGE)
        };
    }

    /** Writes into {@code path} the node indices (within one tree) that a point visits, depth 0 to the leaf. */
    void path(int tree, double[] features, int[] path) {
        int node = 0;
        for (int depth = 0; depth < HEIGHT; depth++) {
            path[depth] = node;
            int at = tree * INTERNAL_NODES + node;
            node = features[splitFeature[at]] < splitValue[at] ? 2 * node + 1 : 2 * node + 2;
        }
        path[HEIGHT] = node;
    }

    int splitFeature(int tree, int node) {
        return splitFeature[tree * INTERNAL_NODES + node];
    }

    double splitValue(int tree, int node) {
        return splitValue[tree * INTERNAL_NODES + node];
    }

    /** Pre-order construction: each internal node splits a feature picked in proportion to its range width. */
    private void build(int tree, int node, double[] low, double[] high, SplittableRandom random) {
        if (node >= INTERNAL_NODES) {
            return;
        }
        int feature = pickFeature(low, high, random.nextDouble());
        double width = high[feature] - low[feature];
        double split = low[feature] + width * (PADDING + (1 - 2 * PADDING) * random.nextDouble());
        splitFeature[tree * INTERNAL_NODES + node] = (byte) feature;
        splitValue[tree * INTERNAL_NODES + node] = split;

        double savedHigh = high[feature];
        high[feature] = split;
        build(tree, 2 * node + 1, low, high, random);
        high[feature] = savedHigh;

        double savedLow = low[feature];
        low[feature] = split;
        build(tree, 2 * node + 2, low, high, random);
        low[feature] = savedLow;
    }

    private static int pickFeature(double[] low, double[] high, double unit) {
        double total = 0;
        for (int f = 0; f < FEATURES; f++) {
            total += high[f] - low[f];
        }
        double target = unit * total;
        int last = 0;
        for (int f = 0; f < FEATURES; f++) {
            double width = high[f] - low[f];
            if (width > 0) {
                last = f;
                if (target < width) {
                    return f;
                }
                target -= width;
            }
        }
        return last;
    }
}
