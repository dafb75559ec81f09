package com.engagementconductor.bench;

import com.engagementconductor.anomaly.AnomalyDetector;
import com.engagementconductor.anomaly.DetectorSettings;
import com.engagementconductor.anomaly.FedTick;
import com.engagementconductor.anomaly.HalfSpaceTrees;
import com.engagementconductor.scoring.EngagementScorer;
import com.engagementconductor.scoring.Score;
import com.engagementconductor.scoring.ScoreVersion;
import com.engagementconductor.signals.SessionWindow;
import com.engagementconductor.signals.Signal;
import com.engagementconductor.signals.SignalType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Steady-state heap per live session (window with presence and activity, detector with warm Half-Space Trees
 * masses): builds many sessions, runs 80 ticks of activity, and divides the retained heap by the session count.
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench.main=com.engagementconductor.bench.SessionFootprint -Dbench.args=}
 */
public final class SessionFootprint {
    private SessionFootprint() {}

    public static void main(String[] args) {
        HalfSpaceTrees forest = new HalfSpaceTrees(1L);
        long perSession100 = measure(forest, 2000, 100);
        long perSession1000 = measure(forest, 200, 1000);
        double perExtraUser = (perSession1000 - perSession100) / 900.0;
        System.out.printf(
                "bytes per live session with 100 users: %d (%.1f KiB)%n", perSession100, perSession100 / 1024.0);
        System.out.printf(
                "bytes per live session with 1000 users: %d (%.1f KiB)%n", perSession1000, perSession1000 / 1024.0);
        System.out.printf("bytes per further connected user: %.0f%n", perExtraUser);
    }

    private static long measure(HalfSpaceTrees forest, int sessions, int users) {
        long before = usedHeap();
        SessionWindow[] windows = new SessionWindow[sessions];
        AnomalyDetector[] detectors = new AnomalyDetector[sessions];
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        DetectorSettings settings = DetectorSettings.defaults(Duration.ofSeconds(5));
        SplittableRandom random = new SplittableRandom(5);
        EngagementScorer scorer = new EngagementScorer(ScoreVersion.V2);
        for (int i = 0; i < sessions; i++) {
            windows[i] = new SessionWindow(t0);
            for (int u = 0; u < users; u++) {
                windows[i].record(Signal.of(SignalType.JOIN, "s", "attendee-" + i + "-" + u, t0));
            }
            detectors[i] = new AnomalyDetector(settings, forest, new SplittableRandom(i));
        }
        Instant t = t0;
        for (int k = 0; k < 80; k++) {
            t = t.plusSeconds(5);
            for (int i = 0; i < sessions; i++) {
                for (int a = 0; a < users / 5; a++) {
                    int u = random.nextInt(users);
                    windows[i].record(Signal.of(
                            a % 2 == 0 ? SignalType.CHAT : SignalType.REACTION, "s", "attendee-" + i + "-" + u, t));
                }
                Score s = scorer.score(windows[i].sample(t));
                detectors[i].onFedTick(new FedTick(
                        t, s.detection(), s.published(), s.leaveRate(), s.chatN(), s.reactN(), s.activeN()));
            }
        }
        long after = usedHeap();
        if (windows.length != detectors.length) {
            throw new IllegalStateException();
        }
        long per = (after - before) / sessions;
        System.out.printf("%d sessions x %d users: %d bytes retained%n", sessions, users, after - before);
        keep(windows, detectors);
        return per;
    }

    private static volatile Object sink;

    private static void keep(Object a, Object b) {
        sink = new Object[] {a, b};
        sink = null;
    }

    private static long usedHeap() {
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
