package com.engagementconductor.shared;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Version-4 UUIDs from an injected generator, so ids are seedable in tests. */
public final class Uuids {
    private Uuids() {}

    public static UUID random(RandomGenerator random) {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
