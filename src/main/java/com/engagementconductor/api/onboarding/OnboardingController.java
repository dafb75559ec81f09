package com.engagementconductor.api.onboarding;

import com.engagementconductor.agent.EventSettingsService;
import com.engagementconductor.api.Access;
import com.engagementconductor.scoring.ScoringSettings;
import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.Ids;
import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.InvalidInput.FieldError;
import com.engagementconductor.shared.auth.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The caller's own onboarding record (contracts §4.18): the tour's steps and whether the caller completed or
 * skipped it. Per user ({@code sub}), not per organization; the READ row of the permission matrix applies.
 */
@RestController
class OnboardingController {
    private static final String PATH = "/api/v1/me/onboarding";

    private final UserOnboarding records;
    private final EventSettingsService settings;
    private final ScoringSettings scoring;

    OnboardingController(UserOnboarding records, EventSettingsService settings, ScoringSettings scoring) {
        this.records = records;
        this.settings = settings;
        this.scoring = scoring;
    }

    @GetMapping(PATH)
    @Access(Access.Level.READ)
    Map<String, Object> get(
            Caller caller, @RequestParam(name = "event_id", required = false) @Nullable String eventId) {
        checkEventId(eventId);
        return body(caller, eventId, records.completed(caller.subject()));
    }

    @PutMapping(PATH)
    @Access(Access.Level.READ)
    Map<String, Object> put(
            Caller caller,
            @RequestParam(name = "event_id", required = false) @Nullable String eventId,
            @RequestBody(required = false) @Nullable JsonNode body) {
        checkEventId(eventId);
        boolean completed = completed(body);
        records.record(caller.subject(), completed);
        return body(caller, eventId, completed);
    }

    /** The strict body {@code {"completed": boolean}}. */
    static boolean completed(@Nullable JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode() || !body.isObject()) {
            throw InvalidInput.of("body", "must be a JSON object {\"completed\": boolean}");
        }
        List<FieldError> errors = new ArrayList<>();
        body.propertyNames().forEach(name -> {
            if (!name.equals("completed")) {
                errors.add(new FieldError(name, "is not a field of this body"));
            }
        });
        JsonNode completed = body.get("completed");
        if (completed == null) {
            errors.add(new FieldError("completed", "is required"));
        } else if (!completed.isBoolean()) {
            errors.add(new FieldError("completed", "must be a boolean"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return completed.asBoolean();
    }

    private Map<String, Object> body(Caller caller, @Nullable String eventId, boolean completed) {
        Tour tour = Tour.of(scoring.tick().getSeconds(), approvalTimeout(caller, eventId));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", caller.subject());
        out.put("completed", completed);
        List<Map<String, String>> steps = new ArrayList<>();
        for (Tour.Step step : tour.steps()) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("id", step.id());
            item.put("text", step.text());
            steps.add(item);
        }
        out.put("steps", steps);
        return out;
    }

    /** The event's approval timeout when the caller may read that event, else the default. */
    private int approvalTimeout(Caller caller, @Nullable String eventId) {
        if (eventId == null) {
            return Tour.DEFAULT_APPROVAL_TIMEOUT_SECONDS;
        }
        try {
            return settings.read(caller, eventId).approvalTimeoutSeconds();
        } catch (AccessDenied e) {
            return Tour.DEFAULT_APPROVAL_TIMEOUT_SECONDS;
        }
    }

    private static void checkEventId(@Nullable String eventId) {
        if (eventId != null && !Ids.valid(eventId)) {
            throw InvalidInput.of("event_id", "must match ^[A-Za-z0-9_-]{1,100}$");
        }
    }
}
