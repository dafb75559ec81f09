package com.engagementconductor.api;

import com.engagementconductor.agent.AgentMode;
import com.engagementconductor.agent.EventSettings;
import com.engagementconductor.agent.EventSettingsService;
import com.engagementconductor.agent.SettingsPatch;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.InvalidInput.FieldError;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.auth.Caller;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Per-event agent settings (contracts §4.8); PUT is a strict partial update. */
@RestController
class SettingsController {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Set<String> FIELDS = Set.of(
            "agent_enabled",
            "agent_mode",
            "auto_approve_threshold",
            "min_confidence_threshold",
            "allowed_interventions",
            "max_interventions_per_hour",
            "holdout_fraction",
            "approval_timeout_seconds",
            "notify_on_anomaly",
            "notify_on_intervention",
            "notification_emails");

    private final EventSettingsService settings;

    SettingsController(EventSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/agent/events/{eventId}/settings")
    @Access(Access.Level.READ)
    Map<String, Object> get(Caller caller, @PathVariable String eventId) {
        Bodies.pathId("event_id", eventId);
        return body(settings.read(caller, eventId));
    }

    @PutMapping("/api/v1/agent/events/{eventId}/settings")
    @Access(Access.Level.WRITE)
    Map<String, Object> put(
            Caller caller, @PathVariable String eventId, @RequestBody(required = false) @Nullable JsonNode body) {
        Bodies.pathId("event_id", eventId);
        return body(settings.update(caller, eventId, patch(body)));
    }

    static SettingsPatch patch(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInput.of("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        body.propertyNames().forEach(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a settings field"));
            }
        });
        SettingsPatch patch = new SettingsPatch(
                bool(body, "agent_enabled", errors),
                mode(body, errors),
                number(body, "auto_approve_threshold", 0.5, 1.0, errors),
                number(body, "min_confidence_threshold", 0.0, 1.0, errors),
                arms(body, errors),
                integer(body, "max_interventions_per_hour", 0, 100, errors),
                number(body, "holdout_fraction", 0.0, 0.5, errors),
                integer(body, "approval_timeout_seconds", 30, 1800, errors),
                bool(body, "notify_on_anomaly", errors),
                bool(body, "notify_on_intervention", errors),
                emails(body, errors));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return patch;
    }

    private static @Nullable Boolean bool(JsonNode body, String field, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            errors.add(new FieldError(field, "must be a boolean"));
            return null;
        }
        return v.asBoolean();
    }

    private static @Nullable AgentMode mode(JsonNode body, List<FieldError> errors) {
        JsonNode v = body.get("agent_mode");
        if (v == null) {
            return null;
        }
        Optional<AgentMode> m = v.isString() ? AgentMode.parse(v.asString()) : Optional.empty();
        if (m.isEmpty()) {
            errors.add(new FieldError("agent_mode", "must be one of MANUAL, SEMI_AUTO, AUTO"));
            return null;
        }
        return m.get();
    }

    private static @Nullable Double number(
            JsonNode body, String field, double min, double max, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            errors.add(new FieldError(field, "must be a number from " + min + " to " + max));
            return null;
        }
        return v.asDouble();
    }

    private static @Nullable Integer integer(JsonNode body, String field, int min, int max, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            errors.add(new FieldError(field, "must be an integer from " + min + " to " + max));
            return null;
        }
        return v.asInt();
    }

    private static @Nullable Optional<Set<InterventionType>> arms(JsonNode body, List<FieldError> errors) {
        JsonNode v = body.get("allowed_interventions");
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            errors.add(new FieldError("allowed_interventions", "must be null or an array of intervention types"));
            return null;
        }
        Set<InterventionType> set = EnumSet.noneOf(InterventionType.class);
        for (JsonNode item : v) {
            try {
                if (!item.isString() || !set.add(InterventionType.parse(item.asString()))) {
                    errors.add(new FieldError("allowed_interventions", "must hold distinct intervention types"));
                    return null;
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("allowed_interventions", e.getMessage()));
                return null;
            }
        }
        return Optional.of(set);
    }

    private static @Nullable Optional<List<String>> emails(JsonNode body, List<FieldError> errors) {
        JsonNode v = body.get("notification_emails");
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            return Optional.empty();
        }
        if (!v.isArray() || v.size() > 20) {
            errors.add(
                    new FieldError("notification_emails", "must be null or an array of at most 20 e-mail addresses"));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isString()
                    || item.asString().length() > 254
                    || !EMAIL.matcher(item.asString()).matches()) {
                errors.add(new FieldError("notification_emails", "must hold e-mail addresses"));
                return null;
            }
            out.add(item.asString());
        }
        return Optional.of(out);
    }

    private static Map<String, Object> body(EventSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_id", s.eventId());
        m.put("org_id", s.orgId());
        m.put("agent_enabled", s.agentEnabled());
        m.put("agent_mode", s.agentMode().name());
        m.put("auto_approve_threshold", s.autoApproveThreshold());
        m.put("min_confidence_threshold", s.minConfidenceThreshold());
        m.put(
                "allowed_interventions",
                s.allowedInterventions() == null
                        ? null
                        : s.allowedInterventions().stream()
                                .sorted()
                                .map(Enum::name)
                                .toList());
        m.put("max_interventions_per_hour", s.maxInterventionsPerHour());
        m.put("holdout_fraction", s.holdoutFraction());
        m.put("approval_timeout_seconds", s.approvalTimeoutSeconds());
        m.put("notify_on_anomaly", s.notifyOnAnomaly());
        m.put("notify_on_intervention", s.notifyOnIntervention());
        m.put("notification_emails", s.notificationEmails());
        m.put("source", s.stored() ? "stored" : "default");
        m.put("created_at", s.createdAt() == null ? null : Timestamps.format(s.createdAt()));
        m.put("updated_at", s.updatedAt() == null ? null : Timestamps.format(s.updatedAt()));
        return m;
    }
}
