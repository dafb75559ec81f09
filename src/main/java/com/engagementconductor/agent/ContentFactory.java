package com.engagementconductor.agent;

import com.engagementconductor.content.AnomalyKind;
import com.engagementconductor.content.AnomalySeverity;
import com.engagementconductor.content.ContentGenerator;
import com.engagementconductor.content.ContentRequest;
import com.engagementconductor.content.Generation;
import com.engagementconductor.content.InterventionContent;
import com.engagementconductor.content.InterventionKind;
import com.engagementconductor.content.PollContent;
import com.engagementconductor.content.PromptFacts;
import com.engagementconductor.content.TemplateContent;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.SessionLanes;
import com.engagementconductor.signals.AudienceLines;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.Sessions;
import com.engagementconductor.signals.SignalsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Produces an intervention's content for a session with its real title, topic and signals (R6.4). Without an API key
 * the templates run synchronously on the session's lane (they take microseconds and the per-session history lives
 * there). With a key the model chain runs off the lane (R5.11) and its result comes back to the lane, where a
 * template replaces it when the model layers gave none.
 */
@Component
class ContentFactory {
    private static final Logger log = LoggerFactory.getLogger(ContentFactory.class);

    private final TemplateContent templates;
    private final Sessions sessions;
    private final ContentGenerator generator;
    private final AudienceLines lines;
    private final SessionLanes lanes;

    ContentFactory(
            Sessions sessions,
            @Qualifier("contentRandom") RandomGenerator random,
            ContentGenerator generator,
            AudienceLines lines,
            SessionLanes lanes) {
        this.sessions = sessions;
        this.templates = new TemplateContent(random);
        this.generator = generator;
        this.lines = lines;
        this.lanes = lanes;
    }

    /** What a generation needs, read on the session's lane. */
    record Prepared(ContentRequest request, PromptFacts facts) {}

    /** True when content comes from the model chain (asynchronously); false in templates mode. */
    boolean generated() {
        return generator.enabled();
    }

    /** Template content now, on the lane (templates mode). */
    InterventionContent produce(
            SessionAgent agent,
            InterventionType type,
            String anomalyType,
            String severity,
            double score,
            @Nullable Instant onset,
            Instant now) {
        return produceNow(agent, type, anomalyType, severity, score, onset, now).content();
    }

    /** Template content now, on the lane, with its generation facts (reason {@code no_api_key} in templates mode). */
    Produced produceNow(
            SessionAgent agent,
            InterventionType type,
            String anomalyType,
            String severity,
            double score,
            @Nullable Instant onset,
            Instant now) {
        ContentRequest request = request(agent, type, anomalyType, severity, score, onset, now);
        Generation skipped = generator.enabled()
                ? Generation.templates("api_error", 0)
                : generator.generate(request, PromptFacts.none()).getNow(Generation.templates("no_api_key", 0));
        return templated(agent, request, skipped);
    }

    /** Reads the request and the prompt facts on the lane. */
    Prepared prepare(
            SessionAgent agent,
            InterventionType type,
            String anomalyType,
            String severity,
            double score,
            @Nullable Instant onset,
            Instant now) {
        return new Prepared(request(agent, type, anomalyType, severity, score, onset, now), facts(agent, now));
    }

    /** Starts the model chain off the lane; the future never fails. */
    CompletableFuture<Generation> start(Prepared prepared) {
        return generator.generate(prepared.request(), prepared.facts());
    }

    /** On the lane: the model's content, or a template when the model layers gave none; records a poll's question. */
    Produced finish(SessionAgent agent, Prepared prepared, Generation generation) {
        if (generation.needsTemplate()) {
            return templated(agent, prepared.request(), generation);
        }
        InterventionContent content = java.util.Objects.requireNonNull(generation.content());
        if (content instanceof PollContent poll) {
            agent.contentHistory.recordQuestion(poll.question());
        }
        return new Produced(content, generation, generation.latencyMs());
    }

    /**
     * Generates off the lane and hands the result to {@code onLane} on the session's lane; the caller's lane task
     * returns at once.
     */
    void generate(SessionAgent agent, Prepared prepared, BiConsumer<SessionAgent, Produced> onLane) {
        start(prepared)
                .thenAccept(generation -> lanes.execute(agent.sessionId, () -> {
                    try {
                        onLane.accept(agent, finish(agent, prepared, generation));
                    } catch (RuntimeException e) {
                        log.warn("session {}: generated content could not be used", agent.sessionId, e);
                    }
                }));
    }

    private Produced templated(SessionAgent agent, ContentRequest request, Generation skipped) {
        long started = System.nanoTime();
        InterventionContent content = templates.produce(request, agent.contentHistory);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new Produced(content, skipped, skipped.latencyMs() + took);
    }

    private ContentRequest request(
            SessionAgent agent,
            InterventionType type,
            String anomalyType,
            String severity,
            double score,
            @Nullable Instant onset,
            Instant now) {
        SessionInfo info = sessions.find(agent.sessionId).orElse(null);
        SignalsSnapshot s = agent.lastSignals;
        return new ContentRequest(
                InterventionKind.parse(type.name()),
                AnomalyKind.parse(anomalyType),
                AnomalySeverity.parse(severity),
                info == null ? null : info.title(),
                info == null ? null : info.topic(),
                clamp(score),
                agent.publishedAround(now.minusSeconds(60)),
                s == null ? 0.0 : s.userLeaveRate(),
                s == null ? 0 : s.effectiveLeaves(),
                now,
                onset);
    }

    /** R6.4: elapsed minutes since the session started, audience, expected score and deviation, recent ticks and lines. */
    private PromptFacts facts(SessionAgent agent, Instant now) {
        SessionInfo info = sessions.find(agent.sessionId).orElse(null);
        long elapsed = info == null
                ? 0
                : Math.max(0, Duration.between(info.createdAt(), now).toMinutes());
        SignalsSnapshot s = agent.lastSignals;
        SessionAgent.ActiveAnomaly a = agent.anomaly;
        List<String> audience = lines.recent(agent.sessionId, PromptFacts.LINES).stream()
                .map(AudienceLines.Line::text)
                .toList();
        return new PromptFacts(
                elapsed,
                s == null ? 0 : s.connectedUsers(),
                a == null ? 0.0 : a.report.expectedEngagement(),
                a == null ? 0.0 : a.report.signedDeviation(),
                List.copyOf(agent.recentSignals),
                List.copyOf(agent.recentInterventions),
                audience);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
