package com.engagementconductor.simulation;

import com.engagementconductor.anomaly.AnomalyDetector;
import com.engagementconductor.anomaly.AnomalyReport;
import com.engagementconductor.anomaly.AnomalyType;
import com.engagementconductor.anomaly.DetectionResult;
import com.engagementconductor.anomaly.DetectorSettings;
import com.engagementconductor.anomaly.FedTick;
import com.engagementconductor.anomaly.HalfSpaceTrees;
import com.engagementconductor.anomaly.Severity;
import com.engagementconductor.scoring.Score;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Test harness: a {@link SimulatedSession} whose fed ticks go to the anomaly detector with the production defaults
 * (5-s tick, Half-Space Trees enabled, forest seed 1, one forest shared by all sessions as in R3.5).
 */
final class DetectedSession {
    private static final HalfSpaceTrees FOREST = new HalfSpaceTrees(1L);
    private static final DetectorSettings SETTINGS =
            DetectorSettings.defaults(SimulatedSession.TICK).withHst(true, 1L);

    /** One RAISED report, at a session second. */
    record Raise(long second, AnomalyType type, Severity severity) {}

    /** What one seeded run produced. */
    record Outcome(long seed, List<Raise> raises, int spikes, List<SimulatedSession.ScoredTick> ticks) {
        /** The first raise at or after a session second. */
        Optional<Raise> firstRaiseFrom(long second) {
            return raises.stream().filter(r -> r.second() >= second).findFirst();
        }

        /** The first raise of a type at or after a session second. */
        Optional<Raise> firstRaiseFrom(long second, AnomalyType type) {
            return raises.stream()
                    .filter(r -> r.second() >= second && r.type() == type)
                    .findFirst();
        }

        long raisesBefore(long second) {
            return raises.stream().filter(r -> r.second() < second).count();
        }
    }

    private DetectedSession() {}

    static Outcome run(Scenario scenario, int attendees, long seed, Duration until) {
        SimulatedSession session = SimulatedSession.of(scenario, attendees, seed);
        AnomalyDetector detector = new AnomalyDetector(SETTINGS, FOREST, new SplittableRandom(seed));
        List<Raise> raises = new ArrayList<>();
        List<SimulatedSession.ScoredTick> ticks = new ArrayList<>();
        int[] spikes = {0};
        session.run(until, tick -> {
            ticks.add(tick);
            if (!tick.fed()) {
                return;
            }
            Score s = tick.score();
            DetectionResult r = detector.onFedTick(new FedTick(
                    tick.at(), s.detection(), s.published(), s.leaveRate(), s.chatN(), s.reactN(), s.activeN()));
            for (AnomalyReport report : r.published()) {
                if (report.kind() == AnomalyReport.Kind.RAISED) {
                    raises.add(new Raise(tick.second(), report.type(), report.severity()));
                }
            }
            if (r.spike() != null) {
                spikes[0]++;
            }
        });
        return new Outcome(seed, List.copyOf(raises), spikes[0], List.copyOf(ticks));
    }
}
