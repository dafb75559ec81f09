package com.engagementconductor.simulation;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** The simulated attendees: their ids, propensities w_i (R8.2) and who is connected, as a set with O(1) updates. */
final class Attendees {
    private final String[] ids;
    private final double[] propensity;
    private final int[] members;
    private final int[] position;
    private int connected;

    Attendees(int size, AudienceModel model, RandomGenerator rng) {
        ids = new String[size];
        propensity = new double[size];
        members = new int[size];
        position = new int[size];
        Arrays.fill(position, -1);
        for (int i = 0; i < size; i++) {
            ids[i] = "sim-" + (i + 1);
            propensity[i] = Gamma.sample(rng, model.propensityShape(), model.propensityScale());
        }
    }

    int size() {
        return ids.length;
    }

    String id(int attendee) {
        return ids[attendee];
    }

    double propensity(int attendee) {
        return propensity[attendee];
    }

    int connected() {
        return connected;
    }

    boolean isConnected(int attendee) {
        return position[attendee] >= 0;
    }

    void connect(int attendee) {
        if (position[attendee] < 0) {
            position[attendee] = connected;
            members[connected++] = attendee;
        }
    }

    void disconnect(int attendee) {
        int at = position[attendee];
        if (at < 0) {
            return;
        }
        int last = members[--connected];
        members[at] = last;
        position[last] = at;
        position[attendee] = -1;
    }

    /** Picks {@code count} distinct connected attendees uniformly at random, in ascending order. */
    int[] pick(int count, RandomGenerator rng) {
        int k = Math.min(count, connected);
        int[] pool = Arrays.copyOf(members, connected);
        Arrays.sort(pool);
        for (int j = 0; j < k; j++) {
            int r = j + rng.nextInt(connected - j);
            int t = pool[j];
            pool[j] = pool[r];
            pool[r] = t;
        }
        int[] chosen = Arrays.copyOf(pool, k);
        Arrays.sort(chosen);
        return chosen;
    }
}
