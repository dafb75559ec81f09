package com.engagementconductor.signals;

import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.InvalidInput.FieldError;
import com.engagementconductor.shared.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Decodes and validates a batch of signal items (contracts §4.14): strict items, every bad item reported with
 * its path, all or nothing.
 */
public final class SignalBatchDecoder {
    public static final int MAX_ITEMS = 1000;
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration MAX_SKEW = Duration.ofSeconds(30);
    private static final Set<String> COMMON = Set.of("type", "user_id", "timestamp");

    private SignalBatchDecoder() {}

    /** Decodes {@code {"signals":[…]}}; throws {@link InvalidInput} listing every problem. */
    public static List<Signal> decode(String sessionId, @Nullable JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw InvalidInput.of("signals", "body must be an object with a signals array");
        }
        List<FieldError> errors = new ArrayList<>();
        body.propertyNames().forEach(name -> {
            if (!name.equals("signals")) {
                errors.add(new FieldError(name, "unknown field"));
            }
        });
        JsonNode items = body.get("signals");
        if (items == null || !items.isArray()) {
            errors.add(new FieldError("signals", "must be an array of 1 to " + MAX_ITEMS + " items"));
            throw new InvalidInput(errors);
        }
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            errors.add(new FieldError("signals", "must hold 1 to " + MAX_ITEMS + " items, got " + items.size()));
            throw new InvalidInput(errors);
        }
        List<Signal> signals = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Signal s = item(sessionId, items.get(i), "signals[" + i + "]", now, errors);
            if (s != null) {
                signals.add(s);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return signals;
    }

    private static @Nullable Signal item(
            String sessionId, JsonNode item, String path, Instant now, List<FieldError> errors) {
        if (!item.isObject()) {
            errors.add(new FieldError(path, "must be an object"));
            return null;
        }
        int before = errors.size();
        SignalType type = null;
        JsonNode typeNode = item.get("type");
        if (typeNode == null || !typeNode.isString()) {
            errors.add(new FieldError(path + ".type", "is required"));
        } else {
            type = SignalType.fromWire(typeNode.asString()).orElse(null);
            if (type == null) {
                errors.add(new FieldError(path + ".type", "must be one of " + wireNames()));
            }
        }
        String user = text(item, "user_id", path, 1, 255, true, errors);
        Instant at = now;
        JsonNode ts = item.get("timestamp");
        if (ts != null && !ts.isNull()) {
            at = timestamp(ts, path + ".timestamp", now, errors);
        }
        if (type == null) {
            return null;
        }
        Set<String> allowed = allowedFields(type);
        item.propertyNames().forEach(name -> {
            if (!COMMON.contains(name) && !allowed.contains(name)) {
                errors.add(new FieldError(path + "." + name, "is not a field of a " + typeNode.asString() + " signal"));
            }
        });
        String poll = type.needsPoll() ? text(item, "poll_id", path, 1, 255, true, errors) : null;
        if (type == SignalType.POLL_VOTE) {
            text(item, "option_id", path, 1, 255, true, errors);
        }
        if (type == SignalType.REACTION) {
            JsonNode emoji = item.get("emoji");
            if (emoji == null || !emoji.isString()) {
                errors.add(new FieldError(path + ".emoji", "is required"));
            } else {
                int len = emoji.asString().codePointCount(0, emoji.asString().length());
                if (len < 1 || len > 10) {
                    errors.add(new FieldError(path + ".emoji", "must be 1 to 10 characters"));
                }
            }
        }
        if (allowed.contains("text")) {
            text(item, "text", path, 0, 2000, false, errors);
        }
        if (errors.size() > before || user == null) {
            return null;
        }
        return new Signal(type, sessionId, user, at, poll, null);
    }

    private static Set<String> allowedFields(SignalType type) {
        return switch (type) {
            case CHAT, QA_QUESTION -> Set.of("text");
            case REACTION -> Set.of("emoji");
            case POLL_VOTE -> Set.of("poll_id", "option_id");
            case POLL_OPENED, POLL_CLOSED -> Set.of("poll_id");
            case QA_UPVOTE, JOIN, LEAVE -> Set.of();
        };
    }

    private static @Nullable String text(
            JsonNode item, String field, String path, int min, int max, boolean required, List<FieldError> errors) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                errors.add(new FieldError(path + "." + field, "is required"));
            }
            return null;
        }
        if (!v.isString()) {
            errors.add(new FieldError(path + "." + field, "must be a string"));
            return null;
        }
        String s = v.asString();
        if (s.length() < Math.max(min, required ? 1 : 0) || s.length() > max) {
            errors.add(
                    new FieldError(path + "." + field, "must be " + Math.max(min, 1) + " to " + max + " characters"));
            return null;
        }
        return s;
    }

    private static Instant timestamp(JsonNode ts, String field, Instant now, List<FieldError> errors) {
        if (!ts.isString()) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time string"));
            return now;
        }
        try {
            Instant at = Timestamps.parse(ts.asString());
            if (at.isBefore(now.minus(MAX_AGE)) || at.isAfter(now.plus(MAX_SKEW))) {
                errors.add(new FieldError(field, "must be within the last 10 minutes and at most 30 s ahead"));
            }
            return at;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time"));
            return now;
        }
    }

    private static String wireNames() {
        StringBuilder b = new StringBuilder();
        for (SignalType t : SignalType.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(t.wireName());
        }
        return b.toString();
    }
}
