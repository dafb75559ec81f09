package com.engagementconductor.content.llm;

import com.engagementconductor.content.ContentValidator;
import com.engagementconductor.content.InterventionKind;
import com.engagementconductor.content.ValidationResult;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads a model's output as one JSON object and checks it against R6.1 and R6.3 (anything else: invalid_output). */
final class ModelOutputs {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ModelOutputs() {}

    /** One JSON object (the tool input, or the answer's text), checked against R6.1 and R6.3. */
    static ValidationResult validate(InterventionKind kind, ModelClient.Reply.Output output) {
        Map<String, Object> object = output.object();
        if (object == null) {
            String text = stripFence(Objects.requireNonNullElse(output.text(), ""));
            try {
                Object parsed = JSON.readValue(text, Object.class);
                if (!(parsed instanceof Map<?, ?> map)) {
                    return ValidationResult.rejected("not one JSON object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                object = typed;
            } catch (JacksonException e) {
                return ValidationResult.rejected("not one JSON object");
            }
        }
        try {
            return ContentValidator.parse(kind, object);
        } catch (RuntimeException e) {
            return ValidationResult.rejected("unreadable " + kind);
        }
    }

    private static String stripFence(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            int firstLine = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (firstLine > 0 && end > firstLine) {
                return t.substring(firstLine + 1, end).strip();
            }
        }
        return t;
    }
}
