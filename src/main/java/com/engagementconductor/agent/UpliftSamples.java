package com.engagementconductor.agent;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The measured deltas behind an event's uplift report (behaviour R7.6). */
public interface UpliftSamples {

    /** One measured delta (R7.1) of a decision with its arm and context. */
    record Sample(String interventionType, @Nullable String contextKey, double delta) {
        public Sample {
            Objects.requireNonNull(interventionType, "interventionType");
            if (!Double.isFinite(delta)) {
                throw new IllegalArgumentException("delta must be finite: " + delta);
            }
        }
    }

    /** The event's measured decisions that were executed (not held out): their deltas. */
    List<Sample> treated(String eventId);

    /** The event's measured holdout cases (R7.5), with the arm their decision had chosen. */
    List<Sample> holdout(String eventId);
}
