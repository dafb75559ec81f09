package com.engagementconductor.api;

import com.engagementconductor.agent.UpliftReport;
import com.engagementconductor.agent.UpliftReports;
import com.engagementconductor.shared.auth.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An event's measured uplift per arm and per arm and context (contracts §4.19). */
@RestController
class UpliftController {
    private final UpliftReports reports;

    UpliftController(UpliftReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/events/{eventId}/uplift")
    @Access(Access.Level.READ)
    Map<String, Object> uplift(Caller caller, @PathVariable String eventId) {
        Bodies.pathId("event_id", eventId);
        UpliftReport report = reports.report(caller, eventId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", report.eventId());
        body.put("arms", rows(report.arms()));
        body.put("contexts", rows(report.contexts()));
        return body;
    }

    private static List<Map<String, Object>> rows(List<UpliftReport.Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (UpliftReport.Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("intervention_type", r.interventionType());
            m.put("context_key", r.contextKey());
            m.put("treated_n", r.treatedN());
            m.put("treated_mean", r.treatedMean());
            m.put("holdout_n", r.holdoutN());
            m.put("holdout_mean", r.holdoutMean());
            m.put("uplift", r.uplift());
            m.put("ci_low", r.ciLow());
            m.put("ci_high", r.ciHigh());
            out.add(m);
        }
        return out;
    }
}
