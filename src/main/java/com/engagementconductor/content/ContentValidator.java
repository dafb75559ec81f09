package com.engagementconductor.content;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The limits of R6.1 and R6.3 for generated and template content: what may reach attendees or organizers without a
 * person having written it. Manual overrides follow {@link ManualOverrides} instead.
 */
public final class ContentValidator {

    private static final String TEMPLATES = "CHAT_BLITZ, POLL_RUSH, QA_SPRINT, POINTS_RACE";

    private ContentValidator() {}

    /** Checks typed content against R6.1 and R6.3; the reason names the first offending field and value. */
    public static ValidationResult validate(InterventionContent content) {
        String reason;
        if (content instanceof PollContent poll) {
            reason = pollProblem(poll);
        } else if (content instanceof BroadcastContent broadcast) {
            reason = broadcastProblem(broadcast);
        } else if (content instanceof NotificationContent notification) {
            reason = notificationProblem(notification);
        } else {
            reason = gamificationProblem((GamificationContent) content);
        }
        return reason == null ? ValidationResult.valid(content) : ValidationResult.rejected(reason);
    }

    /**
     * Reads a model's JSON object for {@code kind} (R6.3) and checks it. Keys: poll {@code question}, {@code options},
     * optional {@code duration_seconds} (60); broadcast {@code message}; notification {@code title}, {@code body},
     * {@code priority}, {@code suggested_action}; gamification {@code action}, {@code template}, {@code name},
     * {@code description}, {@code multiplier}, {@code duration_minutes}, optional {@code rewards}. Unknown keys are
     * ignored.
     */
    public static ValidationResult parse(InterventionKind kind, Map<String, ?> json) {
        JsonFields fields = new JsonFields(json, "");
        InterventionContent content =
                switch (kind) {
                    case POLL -> readPoll(fields);
                    case BROADCAST -> readBroadcast(fields);
                    case NOTIFICATION -> readNotification(fields);
                    case GAMIFICATION -> readGamification(fields);
                };
        if (fields.hasErrors() || content == null) {
            return ValidationResult.rejected(fields.hasErrors() ? fields.firstError() : "unreadable " + kind);
        }
        return validate(content);
    }

    private static @Nullable String pollProblem(PollContent poll) {
        String problem = attendeeText("question", poll.question(), 10, 100);
        if (problem != null) {
            return problem;
        }
        List<String> options = poll.options();
        if (options.size() < 2 || options.size() > 4) {
            return "options must have 2–4 entries, has " + options.size();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            problem = attendeeText("options[" + i + "]", option, 1, 60);
            if (problem != null) {
                return problem;
            }
            if (!seen.add(option.strip().toLowerCase(Locale.ROOT))) {
                return "options must be distinct: " + option;
            }
        }
        if (poll.durationSeconds() != PollContent.STANDARD_DURATION_SECONDS) {
            return "duration must be exactly 60 seconds: " + poll.durationSeconds();
        }
        return null;
    }

    private static @Nullable String broadcastProblem(BroadcastContent broadcast) {
        if (!Text.isOneLine(broadcast.message())) {
            return "message must be one line";
        }
        return attendeeText("message", broadcast.message(), 10, 120);
    }

    private static @Nullable String notificationProblem(NotificationContent notification) {
        String problem = organizerText("title", notification.title(), 60);
        if (problem == null) {
            problem = organizerText("body", notification.body(), 200);
        }
        if (problem == null) {
            String action = notification.suggestedAction();
            problem = action == null ? "suggested_action is required" : organizerText("suggested_action", action, 120);
        }
        return problem;
    }

    private static @Nullable String gamificationProblem(GamificationContent content) {
        String problem = attendeeText("name", content.name(), 1, 40);
        if (problem == null) {
            problem = attendeeText("description", content.description(), 1, 160);
        }
        if (problem != null) {
            return problem;
        }
        ChallengeTemplate template = content.template();
        if (template != null) {
            if (content.durationMinutes() != template.durationMinutes()) {
                return "duration_minutes is fixed at " + template.durationMinutes() + " for " + template + ": "
                        + content.durationMinutes();
            }
            if (!template.rewards().equals(content.rewards())) {
                return "rewards are fixed at " + rewardsText(template.rewards()) + " for " + template;
            }
            return null;
        }
        Double multiplier = content.multiplier();
        problem = multiplier == null ? "is required" : multiplierProblem(multiplier);
        if (problem != null) {
            return "multiplier " + problem;
        }
        problem = boostMinutesProblem(content.durationMinutes());
        return problem == null ? null : "duration_minutes " + problem;
    }

    private static @Nullable String attendeeText(String field, String text, int min, int max) {
        String problem = Text.lengthProblem(text, min, max);
        if (problem == null) {
            problem = Text.attendeeProblem(text);
        }
        return problem == null ? null : field + " " + problem;
    }

    private static @Nullable String organizerText(String field, String text, int max) {
        String problem = Text.lengthProblem(text, 1, max);
        return problem == null ? null : field + " " + problem;
    }

    private static @Nullable String multiplierProblem(double multiplier) {
        BigDecimal halves = BigDecimal.valueOf(Decimals.round9(multiplier * 2));
        boolean inSteps = halves.stripTrailingZeros().scale() <= 0;
        if (multiplier < 1.5 || multiplier > 3.0 || !inSteps) {
            return "must be 1.5–3.0 in steps of 0.5: " + multiplier;
        }
        return null;
    }

    private static @Nullable String boostMinutesProblem(int minutes) {
        return minutes < 2 || minutes > 10 ? "must be 2–10 for a boost: " + minutes : null;
    }

    private static String rewardsText(Rewards rewards) {
        return rewards.first() + "/" + rewards.second() + "/" + rewards.third();
    }

    private static @Nullable InterventionContent readPoll(JsonFields fields) {
        String question = fields.string("question", true);
        List<String> options = fields.strings("options", true);
        for (String key : List.of("duration_seconds", "duration")) {
            Integer duration = fields.wholeNumber(key, false);
            if (duration != null && duration != PollContent.STANDARD_DURATION_SECONDS) {
                fields.error(key, "must be exactly 60: " + duration);
            }
        }
        if (question == null || options == null) {
            return null;
        }
        return new PollContent(question, options, PollContent.STANDARD_DURATION_SECONDS);
    }

    private static @Nullable InterventionContent readBroadcast(JsonFields fields) {
        String message = fields.string("message", true);
        return message == null ? null : new BroadcastContent(message);
    }

    private static @Nullable InterventionContent readNotification(JsonFields fields) {
        String title = fields.string("title", true);
        String body = fields.string("body", true);
        String priorityText = fields.string("priority", true);
        String action = fields.string("suggested_action", true);
        NotificationPriority priority = null;
        if (priorityText != null) {
            try {
                priority = NotificationPriority.parse(priorityText);
            } catch (IllegalArgumentException e) {
                fields.error("priority", "must be high, medium or low: " + priorityText);
            }
        }
        if (title == null || body == null || priority == null || action == null) {
            return null;
        }
        return new NotificationContent(title, body, priority, action);
    }

    private static @Nullable InterventionContent readGamification(JsonFields fields) {
        String action = fields.string("action", true);
        if (action == null) {
            return null;
        }
        if (action.equals(GamificationAction.START_CHALLENGE.name())) {
            return readChallenge(fields);
        }
        if (action.equals(GamificationAction.POINTS_BOOST.name())) {
            return readBoost(fields);
        }
        fields.error("action", "must be START_CHALLENGE or POINTS_BOOST: " + action);
        return null;
    }

    private static @Nullable InterventionContent readChallenge(JsonFields fields) {
        ChallengeTemplate template = challengeTemplate(fields, true);
        String name = fields.string("name", false);
        String description = fields.string("description", false);
        if (fields.has("multiplier")) {
            fields.error("multiplier", "applies to POINTS_BOOST only");
        }
        if (template == null) {
            return null;
        }
        Integer minutes = fields.wholeNumber("duration_minutes", false);
        if (minutes != null && minutes != template.durationMinutes()) {
            fields.error(
                    "duration_minutes",
                    "is fixed at " + template.durationMinutes() + " for " + template + ": " + minutes);
        }
        Map<?, ?> rewards = fields.object("rewards", false);
        if (rewards != null && !rewardsMatch(rewards, template.rewards())) {
            fields.error("rewards", "are fixed at " + rewardsText(template.rewards()) + " for " + template);
        }
        return GamificationContent.challenge(
                template,
                name == null ? template.displayName() : name,
                description == null ? template.description() : description);
    }

    private static @Nullable InterventionContent readBoost(JsonFields fields) {
        Double multiplier = fields.number("multiplier", true);
        Integer minutes = fields.wholeNumber("duration_minutes", true);
        String name = fields.string("name", false);
        String description = fields.string("description", false);
        for (String key : List.of("template", "rewards")) {
            if (fields.has(key)) {
                fields.error(key, "applies to START_CHALLENGE only");
            }
        }
        if (multiplier != null && multiplier <= 0) {
            fields.error("multiplier", multiplierProblem(multiplier));
        }
        if (minutes != null && minutes <= 0) {
            fields.error("duration_minutes", boostMinutesProblem(minutes));
        }
        if (multiplier == null || minutes == null || fields.hasErrors()) {
            return null;
        }
        GamificationContent standard = GamificationContent.boost(multiplier, minutes);
        return GamificationContent.boost(
                multiplier,
                minutes,
                name == null ? standard.name() : name,
                description == null ? standard.description() : description);
    }

    /** Reads {@code template} as one of the four challenge templates, recording an error for anything else. */
    static @Nullable ChallengeTemplate challengeTemplate(JsonFields fields, boolean required) {
        String name = fields.string("template", required);
        if (name == null) {
            return null;
        }
        ChallengeTemplate template = ChallengeTemplate.find(name).orElse(null);
        if (template == null) {
            fields.error("template", "must be one of " + TEMPLATES + ": " + name);
        }
        return template;
    }

    private static boolean rewardsMatch(Map<?, ?> given, Rewards fixed) {
        return matches(given.get("first"), fixed.first())
                && matches(given.get("second"), fixed.second())
                && matches(given.get("third"), fixed.third());
    }

    private static boolean matches(@Nullable Object value, int expected) {
        return value instanceof Number number && number.doubleValue() == expected;
    }
}
