package com.engagementconductor.agent;

import com.engagementconductor.shared.InterventionType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A decision of the agent: what to do for an anomaly, why, and how it was resolved. It moves from PENDING to
 * exactly one resolution; an auto-approved or held-out decision is born resolved. Illegal moves throw
 * {@link DecisionNotPending}.
 */
public final class Decision {
    private final UUID id;
    private final String sessionId;
    private final String eventId;
    private final Instant createdAt;
    private final @Nullable Instant expiresAt;
    private final InterventionType type;
    private final String contextKey;
    private final double posteriorMean;
    private final double probabilityBest;
    private final String reasoning;
    private final @Nullable UUID anomalyId;
    private final boolean autoApproved;
    private final boolean holdout;
    private @Nullable Map<String, Object> content;
    private Resolution resolution;
    private @Nullable Instant resolvedAt;
    private @Nullable String resolvedBy;
    private @Nullable String reason;

    public Decision(
            UUID id,
            String sessionId,
            String eventId,
            Instant createdAt,
            @Nullable Instant expiresAt,
            InterventionType type,
            String contextKey,
            double posteriorMean,
            double probabilityBest,
            String reasoning,
            @Nullable UUID anomalyId,
            Resolution resolution) {
        this.id = Objects.requireNonNull(id, "id");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = expiresAt;
        this.type = Objects.requireNonNull(type, "type");
        this.contextKey = Objects.requireNonNull(contextKey, "contextKey");
        this.posteriorMean = posteriorMean;
        this.probabilityBest = probabilityBest;
        this.reasoning = Objects.requireNonNull(reasoning, "reasoning");
        this.anomalyId = anomalyId;
        this.resolution = Objects.requireNonNull(resolution, "resolution");
        this.autoApproved = resolution == Resolution.AUTO_APPROVED || resolution == Resolution.HOLDOUT;
        this.holdout = resolution == Resolution.HOLDOUT;
        if (resolution != Resolution.PENDING && !autoApproved) {
            throw new IllegalArgumentException("a decision is born PENDING, AUTO_APPROVED or HOLDOUT: " + resolution);
        }
        if (autoApproved) {
            this.resolvedAt = createdAt;
        }
    }

    /** Restores a stored decision as it was. */
    public static Decision restore(
            Decision born,
            Resolution resolution,
            @Nullable Instant resolvedAt,
            @Nullable String resolvedBy,
            @Nullable String reason) {
        born.resolution = resolution;
        born.resolvedAt = resolvedAt;
        born.resolvedBy = resolvedBy;
        born.reason = reason;
        return born;
    }

    /** A copy as it is now, for a write that runs after this decision may have moved on. */
    public Decision snapshot() {
        Decision copy = new Decision(
                id,
                sessionId,
                eventId,
                createdAt,
                expiresAt,
                type,
                contextKey,
                posteriorMean,
                probabilityBest,
                reasoning,
                anomalyId,
                holdout ? Resolution.HOLDOUT : autoApproved ? Resolution.AUTO_APPROVED : Resolution.PENDING);
        copy.content = content;
        return restore(copy, resolution, resolvedAt, resolvedBy, reason);
    }

    /** Moves a pending decision to a resolution. */
    public void resolve(Resolution to, Instant at, @Nullable String by, @Nullable String why) {
        if (!resolution.pending()) {
            throw new DecisionNotPending(id, resolution);
        }
        if (to == Resolution.PENDING || to == Resolution.AUTO_APPROVED || to == Resolution.HOLDOUT) {
            throw new IllegalArgumentException("a pending decision cannot become " + to);
        }
        this.resolution = to;
        this.resolvedAt = at;
        this.resolvedBy = by;
        this.reason = why;
    }

    public boolean expiredAt(Instant now) {
        return resolution.pending() && expiresAt != null && !now.isBefore(expiresAt);
    }

    public UUID id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String eventId() {
        return eventId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant expiresAt() {
        return expiresAt;
    }

    public InterventionType type() {
        return type;
    }

    public String contextKey() {
        return contextKey;
    }

    public double posteriorMean() {
        return posteriorMean;
    }

    public double probabilityBest() {
        return probabilityBest;
    }

    public String reasoning() {
        return reasoning;
    }

    public @Nullable UUID anomalyId() {
        return anomalyId;
    }

    public boolean autoApproved() {
        return autoApproved;
    }

    public boolean holdout() {
        return holdout;
    }

    public Resolution resolution() {
        return resolution;
    }

    public @Nullable Instant resolvedAt() {
        return resolvedAt;
    }

    public @Nullable String resolvedBy() {
        return resolvedBy;
    }

    public @Nullable String reason() {
        return reason;
    }

    public @Nullable Map<String, Object> content() {
        return content;
    }

    public void content(Map<String, Object> preview) {
        this.content = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(preview));
    }
}
