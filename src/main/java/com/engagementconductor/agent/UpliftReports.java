package com.engagementconductor.agent;

import com.engagementconductor.shared.auth.Caller;
import org.springframework.stereotype.Service;

/** An event's uplift report (contracts §4.19), for callers who may read the event. */
@Service
public class UpliftReports {
    private final UpliftSamples samples;
    private final EventSettingsService settings;

    UpliftReports(UpliftSamples samples, EventSettingsService settings) {
        this.samples = samples;
        this.settings = settings;
    }

    /**
     * The report of an event; an event with no measured decisions gives empty lists.
     *
     * @throws com.engagementconductor.shared.AccessDenied when the event belongs to another organization
     */
    public UpliftReport report(Caller caller, String eventId) {
        settings.read(caller, eventId);
        return UpliftReport.of(eventId, samples.treated(eventId), samples.holdout(eventId));
    }
}
