package com.engagementconductor.decision;

import java.util.List;
import java.util.Map;

/**
 * The hierarchical back-off of R4.5 with the context back-off of R4.5b. For each scope from the widest: the
 * context first borrows from its own anomaly-type aggregate, then from the parent scope's effective values; in
 * total a scope never borrows more than {@code K − n} pseudo-observations (K = 10).
 */
final class BackOff {
    private BackOff() {}

    static EffectivePosterior effective(
            Arm arm, List<StatsKey> keys, Map<StatsKey, ContextStats> stats, double pseudoObservations) {
        double parentA = 0;
        double parentB = 0;
        double attempts = 0;
        for (int i = 0; i < keys.size(); i += 2) {
            ArmStats own = stats.getOrDefault(keys.get(i), ContextStats.FRESH).get(arm);
            ArmStats aggregate =
                    stats.getOrDefault(keys.get(i + 1), ContextStats.FRESH).get(arm);
            double a = own.evidenceA();
            double b = own.evidenceB();
            double n = own.attempts();
            // 1. aggregate borrow: the aggregate's evidence that this context does not already hold
            double borrowA = Math.max(0.0, aggregate.evidenceA() - a);
            double borrowB = Math.max(0.0, aggregate.evidenceB() - b);
            double borrowN = borrowA + borrowB;
            double w1 = Math.min(Math.max(0.0, pseudoObservations - n), borrowN);
            if (borrowN > 0) {
                a += w1 * borrowA / borrowN;
                b += w1 * borrowB / borrowN;
            }
            n += w1;
            // 2. scope back-off to the parent's effective values (none for global, the widest)
            double w = 0;
            if (i > 0) {
                double parentOnlyA = Math.max(0.0, parentA - a);
                double parentOnlyB = Math.max(0.0, parentB - b);
                double parentOnlyN = parentOnlyA + parentOnlyB;
                w = Math.min(Math.max(0.0, pseudoObservations - n), parentOnlyN);
                if (parentOnlyN > 0) {
                    a += w * parentOnlyA / parentOnlyN;
                    b += w * parentOnlyB / parentOnlyN;
                }
            }
            parentA = a;
            parentB = b;
            attempts = n + w;
        }
        return new EffectivePosterior(1.0 + parentA, 1.0 + parentB, attempts);
    }
}
