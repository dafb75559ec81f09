package com.engagementconductor.shared;

import java.util.List;

/** Bad input, with one entry per offending field (400 {@code validation_failed}). */
public final class InvalidInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One problem with one field; {@code field} is a body path ({@code signals[3].type}) or a parameter name. */
    public record FieldError(String field, String message) {}

    private final transient List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(
                errors.isEmpty()
                        ? "invalid input"
                        : errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
