package com.engagementconductor.content;

import com.engagementconductor.shared.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Content an organizer provides in the {@code context} of a manual intervention (contracts §4.9), checked against the
 * manual limits rather than R6.1. Every bad field is reported as {@code context.<key>} so the API can answer 400.
 */
public final class ManualOverrides {

    private static final String PREFIX = "context.";

    private ManualOverrides() {}

    /**
     * The provided content, or empty when {@code context} overrides nothing for {@code kind} (the content is then
     * generated).
     *
     * @throws InvalidInput naming every offending field when an override is present but invalid
     */
    public static Optional<InterventionContent> read(InterventionKind kind, @Nullable Map<String, ?> context) {
        if (context == null) {
            return Optional.empty();
        }
        JsonFields fields = new JsonFields(context, PREFIX);
        InterventionContent content =
                switch (kind) {
                    case POLL -> fields.hasAny("question", "options", "duration_seconds") ? poll(fields) : null;
                    case BROADCAST -> fields.has("message") ? broadcast(fields) : null;
                    case NOTIFICATION -> fields.hasAny("title", "body") ? notification(fields) : null;
                    case GAMIFICATION -> fields.hasAny(
                                    "action", "template", "name", "description", "duration_minutes", "multiplier")
                            ? gamification(fields)
                            : null;
                };
        if (fields.hasErrors()) {
            throw new InvalidInput(fields.errors());
        }
        return Optional.ofNullable(content);
    }

    private static @Nullable InterventionContent poll(JsonFields fields) {
        String question = text(fields, "question", 200, true);
        List<String> options = fields.strings("options", true);
        if (options != null) {
            if (options.size() < 2 || options.size() > 6) {
                fields.error("options", "must have 2–6 entries, has " + options.size());
            }
            for (int i = 0; i < options.size(); i++) {
                fields.error("options[" + i + "]", Text.lengthProblem(options.get(i), 1, 100));
            }
        }
        Integer duration = fields.wholeNumber("duration_seconds", false);
        if (duration != null && (duration < 15 || duration > 600)) {
            fields.error("duration_seconds", "must be 15–600: " + duration);
        }
        if (fields.hasErrors() || question == null || options == null) {
            return null;
        }
        return new PollContent(question, options, duration == null ? PollContent.STANDARD_DURATION_SECONDS : duration);
    }

    private static @Nullable InterventionContent broadcast(JsonFields fields) {
        String message = text(fields, "message", 280, true);
        return message == null || fields.hasErrors() ? null : new BroadcastContent(message);
    }

    /** {@code priority} (default medium) and {@code suggested_action} are optional; when given they are checked too. */
    private static @Nullable InterventionContent notification(JsonFields fields) {
        String title = text(fields, "title", 60, true);
        String body = text(fields, "body", 200, true);
        String action = text(fields, "suggested_action", 120, false);
        String priorityText = fields.string("priority", false);
        NotificationPriority priority = NotificationPriority.MEDIUM;
        if (priorityText != null) {
            try {
                priority = NotificationPriority.parse(priorityText);
            } catch (IllegalArgumentException e) {
                fields.error("priority", "must be high, medium or low: " + priorityText);
            }
        }
        if (fields.hasErrors() || title == null || body == null) {
            return null;
        }
        return new NotificationContent(title, body, priority, action);
    }

    private static @Nullable InterventionContent gamification(JsonFields fields) {
        String action = fields.string("action", true);
        String name = text(fields, "name", 40, false);
        String description = text(fields, "description", 160, false);
        if (action == null) {
            return null;
        }
        if (action.equals(GamificationAction.START_CHALLENGE.name())) {
            return challenge(fields, name, description);
        }
        if (action.equals(GamificationAction.POINTS_BOOST.name())) {
            return boost(fields, name, description);
        }
        fields.error("action", "must be START_CHALLENGE or POINTS_BOOST: " + action);
        return null;
    }

    private static @Nullable InterventionContent challenge(
            JsonFields fields, @Nullable String name, @Nullable String description) {
        ChallengeTemplate template = ContentValidator.challengeTemplate(fields, true);
        if (fields.has("multiplier")) {
            fields.error("multiplier", "applies to POINTS_BOOST only");
        }
        Integer minutes = fields.wholeNumber("duration_minutes", false);
        if (template != null && minutes != null && minutes != template.durationMinutes()) {
            fields.error(
                    "duration_minutes",
                    "is fixed at " + template.durationMinutes() + " for " + template + ": " + minutes);
        }
        if (fields.hasErrors() || template == null) {
            return null;
        }
        return GamificationContent.challenge(
                template,
                name == null ? template.displayName() : name,
                description == null ? template.description() : description);
    }

    private static @Nullable InterventionContent boost(
            JsonFields fields, @Nullable String name, @Nullable String description) {
        if (fields.has("template")) {
            fields.error("template", "applies to START_CHALLENGE only");
        }
        Double multiplier = fields.number("multiplier", true);
        if (multiplier != null && (multiplier < 1.5 || multiplier > 3.0)) {
            fields.error("multiplier", "must be 1.5–3.0: " + multiplier);
        }
        Integer minutes = fields.wholeNumber("duration_minutes", true);
        if (minutes != null && (minutes < 2 || minutes > 15)) {
            fields.error("duration_minutes", "must be 2–15: " + minutes);
        }
        if (fields.hasErrors() || multiplier == null || minutes == null) {
            return null;
        }
        GamificationContent standard = GamificationContent.boost(multiplier, minutes);
        return GamificationContent.boost(
                multiplier,
                minutes,
                name == null ? standard.name() : name,
                description == null ? standard.description() : description);
    }

    private static @Nullable String text(JsonFields fields, String key, int max, boolean required) {
        String value = fields.string(key, required);
        if (value != null) {
            fields.error(key, Text.lengthProblem(value, 1, max));
        }
        return value;
    }
}
