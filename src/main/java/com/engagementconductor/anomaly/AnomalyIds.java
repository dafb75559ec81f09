package com.engagementconductor.anomaly;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Version-4 UUIDs drawn from an injected generator, so that tests get the same ids every run. */
final class AnomalyIds {

    private AnomalyIds() {}

    static UUID next(RandomGenerator random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
