package com.engagementconductor.agent;

import com.engagementconductor.anomaly.AnomalyReport;
import com.engagementconductor.content.ContentHistory;
import com.engagementconductor.content.PromptFacts;
import com.engagementconductor.signals.SignalsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The state of one session's agent. Confined to the session's lane: only tasks on that lane read or change it.
 */
final class SessionAgent {
    static final Duration KEPT_TICKS = Duration.ofMinutes(10);
    static final int MAX_DECISIONS_PER_ANOMALY = 3;

    /** One scored tick as the agent keeps it for rewards and content. */
    record TickPoint(Instant at, double detection, double published, boolean fed) {}

    /** The anomaly the agent is handling. */
    static final class ActiveAnomaly {
        final AnomalyReport report;
        final Instant onset;
        final double expectedDetection;
        final SignalsSnapshot signals;
        int decisions;

        ActiveAnomaly(AnomalyReport report, Instant onset, double expectedDetection, SignalsSnapshot signals) {
            this.report = report;
            this.onset = onset;
            this.expectedDetection = expectedDetection;
            this.signals = signals;
        }
    }

    /** An executed (or held-out) decision whose reward is still to be measured. */
    record PendingReward(
            @Nullable UUID interventionId,
            @Nullable Decision decision,
            String contextKey,
            String interventionType,
            Instant decidedAt,
            Instant executedAt,
            @Nullable Instant onset,
            double expectedDetection,
            boolean delivered,
            boolean holdout,
            boolean manual) {}

    final String sessionId;
    String eventId;

    @Nullable
    String orgId;

    AgentMode mode;
    AgentStatus status = AgentStatus.IDLE;
    boolean statusPublished;

    @Nullable
    Decision pending;
    /** The published {@code decision} object of the pending decision, for subscribers' snapshots. */
    @Nullable
    Map<String, Object> pendingPayload;

    @Nullable
    ActiveAnomaly anomaly;
    /** The decision being executed, until its outcome arrives. */
    @Nullable
    Decision intervening;

    final List<PendingReward> rewards = new ArrayList<>();
    /** Execution times of this session's interventions (for confounding, R7.3). */
    final Deque<Instant> executions = new ArrayDeque<>();

    final Deque<TickPoint> ticks = new ArrayDeque<>();
    /** The last ticks' signals for content prompts (R6.4). */
    final Deque<PromptFacts.TickSignals> recentSignals = new ArrayDeque<>();
    /** The session's last interventions, described for notification prompts (R6.4). */
    final Deque<String> recentInterventions = new ArrayDeque<>();

    final ContentHistory contentHistory = new ContentHistory();

    @Nullable
    SignalsSnapshot lastSignals;
    /** When a follow-up decision for the active anomaly may start (set when a reward is recorded). */
    @Nullable
    Instant followUpAfter;

    SessionAgent(String sessionId, String eventId, @Nullable String orgId, AgentMode mode) {
        this.sessionId = sessionId;
        this.eventId = eventId;
        this.orgId = orgId;
        this.mode = mode;
    }

    void addTick(TickPoint point) {
        ticks.addLast(point);
        Instant oldest = point.at().minus(KEPT_TICKS);
        while (!ticks.isEmpty() && ticks.peekFirst().at().isBefore(oldest)) {
            ticks.pollFirst();
        }
    }

    void addSignals(PromptFacts.TickSignals signals) {
        recentSignals.addLast(signals);
        while (recentSignals.size() > PromptFacts.TICKS) {
            recentSignals.removeFirst();
        }
    }

    /** Remembers an executed intervention for later prompts: type, time and what attendees saw. */
    void addIntervention(String description) {
        recentInterventions.addLast(description);
        while (recentInterventions.size() > PromptFacts.INTERVENTIONS) {
            recentInterventions.removeFirst();
        }
    }

    /** The published score closest to 60 s before {@code t}, if a tick that old is kept. */
    @Nullable
    Double publishedAround(Instant t) {
        TickPoint best = null;
        for (TickPoint p : ticks) {
            if (!p.at().isAfter(t)) {
                best = p;
            }
        }
        return best == null ? null : best.published();
    }

    /** Mean detection score of the fed ticks in (t − span, t), the anomaly's reference window (R3.9, R7.4). */
    double meanDetection(Instant t, Duration span, double fallback) {
        double sum = 0;
        int n = 0;
        for (TickPoint p : ticks) {
            if (p.fed() && p.at().isAfter(t.minus(span)) && p.at().isBefore(t)) {
                sum += p.detection();
                n++;
            }
        }
        return n == 0 ? fallback : sum / n;
    }

    List<Reward.Tick> rewardTicks() {
        List<Reward.Tick> out = new ArrayList<>(ticks.size());
        for (TickPoint p : ticks) {
            if (p.fed()) {
                out.add(new Reward.Tick(p.at(), p.detection()));
            }
        }
        return out;
    }
}
