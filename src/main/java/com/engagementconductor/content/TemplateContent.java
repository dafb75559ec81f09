package com.engagementconductor.content;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The last layer of the generation chain (R6.2, R6.5): content from the fixed templates, never failing and always
 * passing {@link ContentValidator}. Draws on the generator are serialized, so one instance may serve every session;
 * give each session its own instance when runs must replay exactly.
 */
public final class TemplateContent {

    private final RandomGenerator random;

    public TemplateContent(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Content of the requested kind for the request's anomaly; records what it used in the session's history. */
    public InterventionContent produce(ContentRequest request, ContentHistory history) {
        return switch (request.kind()) {
            case POLL -> choosePoll(request.anomalyType(), request.title(), request.topic(), history)
                    .content();
            case BROADCAST -> broadcast(request.anomalyType(), history);
            case NOTIFICATION -> notification(request);
            case GAMIFICATION -> gamification(request.anomalyType());
        };
    }

    /**
     * A seeded uniform choice among the candidate polls whose question is not among the session's last 10, else the
     * candidate used longest ago (TV-G3); the question is recorded as used.
     */
    public TemplatePoll choosePoll(
            AnomalyKind type, @Nullable String title, @Nullable String topic, ContentHistory history) {
        synchronized (random) {
            return history.questions()
                    .pick(TemplateLibrary.candidates(type, title, topic), TemplatePoll::question, random);
        }
    }

    /** One of the type's two broadcasts: either at first, then the one used longer ago, so they alternate. */
    public BroadcastContent broadcast(AnomalyKind type, ContentHistory history) {
        synchronized (random) {
            String message = history.broadcasts(type).pick(TemplateLibrary.broadcasts(type), m -> m, random);
            return new BroadcastContent(message);
        }
    }

    /** The type's notification with its placeholders filled from the request. */
    public static NotificationContent notification(ContentRequest request) {
        NotificationTemplate template = TemplateLibrary.notification(request.anomalyType());
        return new NotificationContent(
                template.title(),
                Placeholders.fill(template.body(), request),
                template.priority(),
                template.suggestedAction());
    }

    /** The type's challenge with its fixed duration and rewards. */
    public static GamificationContent gamification(AnomalyKind type) {
        return GamificationContent.challenge(TemplateLibrary.challenge(type));
    }
}
