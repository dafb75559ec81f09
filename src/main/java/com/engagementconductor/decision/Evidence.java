package com.engagementconductor.decision;

import java.util.Objects;

/**
 * Evidence to add to one arm of one context key (the legacy import, R4.9): a = α − 1 and b = β − 1 are added to
 * α and β, and attempts to the attempts.
 */
public record Evidence(String contextKey, Arm arm, double a, double b, long attempts) {
    public Evidence {
        Objects.requireNonNull(contextKey, "contextKey must not be null");
        Objects.requireNonNull(arm, "arm must not be null");
        if (!(a >= 0.0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("a must be finite and >= 0: " + a);
        }
        if (!(b >= 0.0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("b must be finite and >= 0: " + b);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0: " + attempts);
        }
    }
}
