package com.engagementconductor.agent;

import com.engagementconductor.content.AnomalyKind;
import com.engagementconductor.content.AnomalySeverity;
import com.engagementconductor.content.ContentRequest;
import com.engagementconductor.content.InterventionContent;
import com.engagementconductor.content.InterventionKind;
import com.engagementconductor.content.TemplateContent;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.Sessions;
import com.engagementconductor.signals.SignalsSnapshot;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Produces an intervention's content for a session from the template library (the Claude chain comes with its
 * own module work), with the session's real title, topic and signals. Runs on the session's lane: templates
 * take microseconds and the per-session history lives there.
 */
@Component
class ContentFactory {
    private final TemplateContent templates;
    private final Sessions sessions;

    ContentFactory(Sessions sessions, @Qualifier("contentRandom") RandomGenerator random) {
        this.sessions = sessions;
        this.templates = new TemplateContent(random);
    }

    InterventionContent produce(
            SessionAgent agent,
            InterventionType type,
            String anomalyType,
            String severity,
            double score,
            @Nullable Instant onset,
            Instant now) {
        SessionInfo info = sessions.find(agent.sessionId).orElse(null);
        SignalsSnapshot s = agent.lastSignals;
        ContentRequest request = new ContentRequest(
                InterventionKind.parse(type.name()),
                AnomalyKind.parse(anomalyType),
                AnomalySeverity.parse(severity),
                info == null ? null : info.title(),
                info == null ? null : info.topic(),
                clamp(score),
                agent.publishedAround(now.minusSeconds(60)),
                s == null ? 0.0 : s.userLeaveRate(),
                s == null ? 0 : s.effectiveLeaves(),
                now,
                onset);
        return templates.produce(request, agent.contentHistory);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
