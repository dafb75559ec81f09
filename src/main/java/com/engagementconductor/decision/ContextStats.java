package com.engagementconductor.decision;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The four arms' statistics of one (scope, context) record; an arm that is not stored is at the prior. */
public record ContextStats(Map<Arm, ArmStats> arms) {
    /** A context that has never been updated: four arms at Beta(1, 1). */
    public static final ContextStats FRESH = new ContextStats(Map.of());

    public ContextStats {
        EnumMap<Arm, ArmStats> copy = new EnumMap<>(Arm.class);
        copy.putAll(arms);
        arms = Collections.unmodifiableMap(copy);
    }

    /** The arm's statistics, the prior when none are stored. */
    public ArmStats get(Arm arm) {
        ArmStats stats = arms.get(arm);
        return stats != null ? stats : ArmStats.PRIOR;
    }

    /** R4.4 as one step over the whole record: every arm decays toward its prior, then the reward is added. */
    ContextStats rewarded(Arm chosen, double reward, double discount) {
        EnumMap<Arm, ArmStats> next = new EnumMap<>(Arm.class);
        for (Arm arm : Arm.values()) {
            ArmStats current = get(arm);
            next.put(arm, arm == chosen ? current.rewarded(discount, reward) : current.discounted(discount));
        }
        return new ContextStats(next);
    }

    /** This record with evidence added to one arm, the others unchanged (all four are then stored). */
    ContextStats plus(Arm arm, double a, double b, long attempts) {
        EnumMap<Arm, ArmStats> next = new EnumMap<>(Arm.class);
        for (Arm k : Arm.values()) {
            next.put(k, get(k));
        }
        next.put(arm, get(arm).plus(a, b, attempts));
        return new ContextStats(next);
    }

    /** This record with one arm replaced. */
    ContextStats with(Arm arm, ArmStats stats) {
        EnumMap<Arm, ArmStats> next = new EnumMap<>(Arm.class);
        for (Arm k : Arm.values()) {
            next.put(k, get(k));
        }
        next.put(arm, stats);
        return new ContextStats(next);
    }
}
