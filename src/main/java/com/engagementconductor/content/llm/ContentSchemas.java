package com.engagementconductor.content.llm;

import com.engagementconductor.content.ChallengeTemplate;
import com.engagementconductor.content.InterventionKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structured output each intervention kind asks for: a tool whose input schema is the JSON object
 * {@code ContentValidator.parse} reads (R6.1). The schemas guide the model; the validator decides.
 */
final class ContentSchemas {

    /** A tool the model must call, with its JSON schema. */
    record ToolSpec(String name, String description, Map<String, Object> properties, List<String> required) {}

    private ContentSchemas() {}

    static ToolSpec of(InterventionKind kind) {
        return switch (kind) {
            case POLL -> new ToolSpec(
                    "emit_poll",
                    "Publish one multiple-choice poll for the attendees (shown for 60 seconds).",
                    props(
                            "question", text("The poll question, 10-100 characters, no links", 10, 100),
                            "options",
                                    Map.of(
                                            "type",
                                            "array",
                                            "description",
                                            "2-4 distinct answer options, 1-60 characters each",
                                            "minItems",
                                            2,
                                            "maxItems",
                                            4,
                                            "items",
                                            text("An answer option", 1, 60))),
                    List.of("question", "options"));
            case BROADCAST -> new ToolSpec(
                    "emit_broadcast",
                    "Publish one banner message to the attendees.",
                    props("message", text("One line, 10-120 characters, no links or e-mail addresses", 10, 120)),
                    List.of("message"));
            case NOTIFICATION -> new ToolSpec(
                    "emit_notification",
                    "Notify the event's organizers about the audience's state.",
                    props(
                            "title", text("Short title, 1-60 characters", 1, 60),
                            "body", text("What is happening, 1-200 characters", 1, 200),
                            "priority", Map.of("type", "string", "enum", List.of("high", "medium", "low")),
                            "suggested_action", text("What the speaker should do now, 1-120 characters", 1, 120)),
                    List.of("title", "body", "priority", "suggested_action"));
            case GAMIFICATION -> new ToolSpec(
                    "emit_gamification",
                    "Start a challenge from a fixed template, or a points boost.",
                    props(
                            "action", Map.of("type", "string", "enum", List.of("START_CHALLENGE", "POINTS_BOOST")),
                            "template",
                                    Map.of(
                                            "type",
                                            "string",
                                            "description",
                                            "START_CHALLENGE only; its duration and rewards are fixed",
                                            "enum",
                                            Arrays.stream(ChallengeTemplate.values())
                                                    .map(Enum::name)
                                                    .toList()),
                            "name", text("Challenge or boost name, 1-40 characters", 1, 40),
                            "description", text("One sentence for attendees, 1-160 characters, no links", 1, 160),
                            "multiplier",
                                    Map.of(
                                            "type",
                                            "number",
                                            "description",
                                            "POINTS_BOOST only: 1.5, 2.0, 2.5 or 3.0",
                                            "enum",
                                            List.of(1.5, 2.0, 2.5, 3.0)),
                            "duration_minutes",
                                    Map.of(
                                            "type",
                                            "integer",
                                            "description",
                                            "POINTS_BOOST only: 2-10",
                                            "minimum",
                                            2,
                                            "maximum",
                                            10)),
                    List.of("action", "name", "description"));
        };
    }

    private static Map<String, Object> text(String description, int min, int max) {
        return Map.of("type", "string", "description", description, "minLength", min, "maxLength", max);
    }

    private static Map<String, Object> props(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
