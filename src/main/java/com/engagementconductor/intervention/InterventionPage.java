package com.engagementconductor.intervention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of intervention history, newest first.
 *
 * @param total all of the session's interventions (or the event's in the window), not just this page
 */
public record InterventionPage(long total, List<InterventionRecord> interventions) {

    public InterventionPage {
        interventions = List.copyOf(interventions);
    }

    /** The body of contracts §4.10 and §4.11: {@code {"total":…,"interventions":[items]}}. */
    public Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", total);
        body.put(
                "interventions",
                interventions.stream().map(InterventionRecord::toItem).toList());
        return body;
    }
}
