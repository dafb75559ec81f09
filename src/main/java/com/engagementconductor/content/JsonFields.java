package com.engagementconductor.content;

import com.engagementconductor.shared.InvalidInput.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads from a parsed JSON object that collect one error per bad field instead of throwing; a JSON null counts
 * as absent. Field names in errors carry the prefix (e.g. {@code context.options[1]}).
 */
final class JsonFields {

    private final Map<?, ?> source;
    private final String prefix;
    private final List<FieldError> errors = new ArrayList<>();

    JsonFields(Map<?, ?> source, String prefix) {
        this.source = source;
        this.prefix = prefix;
    }

    boolean has(String key) {
        return source.get(key) != null;
    }

    boolean hasAny(String... keys) {
        for (String key : keys) {
            if (has(key)) {
                return true;
            }
        }
        return false;
    }

    /** The string, stripped of surrounding blanks; records an error when required and absent, or not a string. */
    @Nullable
    String string(String key, boolean required) {
        Object value = present(key, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            error(key, "must be a string");
            return null;
        }
        return text.strip();
    }

    /** The list of strings, each stripped; records an error for the list or for each element that is not a string. */
    @Nullable
    List<String> strings(String key, boolean required) {
        Object value = present(key, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            error(key, "must be an array of strings");
            return null;
        }
        List<String> result = new ArrayList<>(list.size());
        boolean valid = true;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String text) {
                result.add(text.strip());
            } else {
                error(key + "[" + i + "]", "must be a string");
                valid = false;
            }
        }
        return valid ? result : null;
    }

    @Nullable
    Double number(String key, boolean required) {
        Object value = present(key, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            error(key, "must be a number");
            return null;
        }
        return number.doubleValue();
    }

    /** A number without a fractional part that fits an int ({@code 5} or {@code 5.0}). */
    @Nullable
    Integer wholeNumber(String key, boolean required) {
        Double number = number(key, required);
        if (number == null) {
            return null;
        }
        BigDecimal decimal = BigDecimal.valueOf(number);
        if (decimal.stripTrailingZeros().scale() > 0 || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            error(key, "must be a whole number: " + number);
            return null;
        }
        return number.intValue();
    }

    @Nullable
    Map<?, ?> object(String key, boolean required) {
        Object value = present(key, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            error(key, "must be an object");
            return null;
        }
        return map;
    }

    /** Records {@code message} against the field; a null message (no problem) is ignored. */
    void error(String key, @Nullable String message) {
        if (message != null) {
            errors.add(new FieldError(prefix + key, message));
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** The first error as one line, {@code field: message}. */
    String firstError() {
        FieldError first = errors.get(0);
        return first.field() + ": " + first.message();
    }

    private @Nullable Object present(String key, boolean required) {
        Object value = source.get(key);
        if (value == null && required) {
            error(key, "is required");
        }
        return value;
    }
}
