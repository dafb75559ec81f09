package com.engagementconductor.api;

import com.engagementconductor.shared.Ids;
import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.InvalidInput.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads and validates JSON request bodies field by field, collecting every problem before failing. */
public final class Bodies {
    private final @Nullable JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    private Bodies(@Nullable JsonNode body) {
        this.body = body;
    }

    /** A body that must be a JSON object ({@code null} or empty counts as {@code {}} when optional). */
    public static Bodies of(@Nullable JsonNode body, boolean required) {
        Bodies b = new Bodies(body == null || body.isMissingNode() || body.isNull() ? null : body);
        if (b.body == null && required) {
            b.errors.add(new FieldError("body", "a JSON object is required"));
        } else if (b.body != null && !b.body.isObject()) {
            b.errors.add(new FieldError("body", "must be a JSON object"));
        }
        return b;
    }

    public @Nullable String string(String field, boolean required, int maxLength) {
        JsonNode v = node(field);
        if (v == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!v.isString()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String s = v.asString();
        if (s.isEmpty() || s.length() > maxLength) {
            errors.add(new FieldError(field, "must be 1 to " + maxLength + " characters"));
            return null;
        }
        return s;
    }

    /** An id following contracts §0 rule 5. */
    public @Nullable String id(String field, boolean required) {
        String s = string(field, required, 100);
        if (s != null && !Ids.valid(s)) {
            errors.add(new FieldError(field, "must match ^[A-Za-z0-9_-]{1,100}$"));
            return null;
        }
        return s;
    }

    /** An optional JSON object, returned as text, at most {@code maxBytes} serialised. */
    public @Nullable String object(String field, int maxBytes) {
        JsonNode v = node(field);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            errors.add(new FieldError(field, "must be an object"));
            return null;
        }
        String text = v.toString();
        if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            errors.add(new FieldError(field, "must be at most " + maxBytes + " bytes serialised"));
            return null;
        }
        return text;
    }

    public @Nullable Double number(String field, double min, double max) {
        JsonNode v = node(field);
        if (v == null) {
            return null;
        }
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            errors.add(new FieldError(field, "must be a number from " + min + " to " + max));
            return null;
        }
        return v.asDouble();
    }

    public @Nullable Long integer(String field, long min, long max) {
        JsonNode v = node(field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            errors.add(new FieldError(field, "must be an integer from " + min + " to " + max));
            return null;
        }
        return v.asLong();
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Throws {@link InvalidInput} when any field was bad. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private @Nullable JsonNode node(String field) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /** Validates a path id (contracts §0 rule 5). */
    public static String pathId(String field, String value) {
        if (!Ids.valid(value)) {
            throw InvalidInput.of(field, "must match ^[A-Za-z0-9_-]{1,100}$");
        }
        return value;
    }

    /**
     * Reads a path UUID (decision and simulation ids, contracts §0 rule 5) in its canonical 36-character form, in
     * either case; the lenient spellings {@link UUID#fromString} also takes (short groups, such as
     * {@code 1-1-1-1-1}) are refused.
     */
    public static UUID uuid(String field, String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value.toLowerCase(Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw InvalidInput.of(field, "must be a UUID");
    }

    /** Validates an integer query parameter's range. */
    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw InvalidInput.of(field, "must be from " + min + " to " + max);
        }
        return value;
    }
}
