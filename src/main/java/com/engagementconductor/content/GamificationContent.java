package com.engagementconductor.content;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A challenge started from a template (with its rewards and no multiplier), or a points boost (with a multiplier,
 * no template and no rewards).
 */
public record GamificationContent(
        GamificationAction action,
        @Nullable ChallengeTemplate template,
        String name,
        String description,
        @Nullable Rewards rewards,
        int durationMinutes,
        @Nullable Double multiplier)
        implements InterventionContent {

    public GamificationContent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (action == GamificationAction.START_CHALLENGE
                && (template == null || rewards == null || multiplier != null)) {
            throw new IllegalArgumentException("a challenge needs a template and rewards and has no multiplier: "
                    + template + ", " + rewards + ", " + multiplier);
        }
        if (action == GamificationAction.POINTS_BOOST && (template != null || rewards != null || multiplier == null)) {
            throw new IllegalArgumentException("a boost needs a multiplier and has no template or rewards: " + template
                    + ", " + rewards + ", " + multiplier);
        }
        if (multiplier != null && !(multiplier > 0 && Double.isFinite(multiplier))) {
            throw new IllegalArgumentException("multiplier must be a positive number: " + multiplier);
        }
        if (durationMinutes <= 0) {
            throw new IllegalArgumentException("durationMinutes must be positive: " + durationMinutes);
        }
    }

    /** The template's challenge with its fixed duration and rewards, and its standard name and description. */
    public static GamificationContent challenge(ChallengeTemplate template) {
        return challenge(template, template.displayName(), template.description());
    }

    /** The template's challenge with its fixed duration and rewards, under the given name and description. */
    public static GamificationContent challenge(ChallengeTemplate template, String name, String description) {
        return new GamificationContent(
                GamificationAction.START_CHALLENGE,
                template,
                name,
                description,
                template.rewards(),
                template.durationMinutes(),
                null);
    }

    /** A boost under the given name and description. */
    public static GamificationContent boost(double multiplier, int durationMinutes, String name, String description) {
        return new GamificationContent(
                GamificationAction.POINTS_BOOST, null, name, description, null, durationMinutes, multiplier);
    }

    /** A boost named "Points Boost" with a description that states the multiplier and the duration. */
    public static GamificationContent boost(double multiplier, int durationMinutes) {
        String times = BigDecimal.valueOf(multiplier).stripTrailingZeros().toPlainString();
        return boost(
                multiplier,
                durationMinutes,
                "Points Boost",
                "Earn " + times + "x points for the next " + durationMinutes + " minutes");
    }

    @Override
    public InterventionKind kind() {
        return InterventionKind.GAMIFICATION;
    }

    /** {@code {"content": {action, template?, name, description, rewards?, duration_minutes, multiplier?}}}. */
    @Override
    public Map<String, Object> commandFields() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("action", action.name());
        if (template != null) {
            content.put("template", template.name());
        }
        content.put("name", name);
        content.put("description", description);
        if (rewards != null) {
            content.put("rewards", Collections.unmodifiableMap(rewards.toMap()));
        }
        content.put("duration_minutes", durationMinutes);
        if (multiplier != null) {
            content.put("multiplier", multiplier);
        }
        return Map.of("content", Collections.unmodifiableMap(content));
    }

    @Override
    public Map<String, Object> preview() {
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("title", name);
        preview.put("message", description);
        return Collections.unmodifiableMap(preview);
    }
}
