package com.engagementconductor.anomaly;

/**
 * The four parts of one tick's anomaly score (R3.14 {@code components}): control band, drift (CUSUM), Half-Space
 * Trees and signal evidence, each in [0, 1].
 */
public record Components(double band, double drift, double hst, double evidence) {

    /** All parts zero: a tick that was only stored (warm-up). */
    public static final Components NONE = new Components(0, 0, 0, 0);

    public Components {
        requireUnit("band", band);
        requireUnit("drift", drift);
        requireUnit("hst", hst);
        requireUnit("evidence", evidence);
    }

    static void requireUnit(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0,1]: " + value);
        }
    }
}
