package com.engagementconductor.intervention;

import com.engagementconductor.shared.InterventionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code conductor_interventions_total{type,status}}: interventions entering each status on this node. */
@Component
class InterventionMetrics {
    private final Map<InterventionType, Map<InterventionStatus, Counter>> counters =
            new EnumMap<>(InterventionType.class);

    InterventionMetrics(MeterRegistry meters) {
        for (InterventionType type : InterventionType.values()) {
            Map<InterventionStatus, Counter> byStatus = new EnumMap<>(InterventionStatus.class);
            for (InterventionStatus status : InterventionStatus.values()) {
                byStatus.put(
                        status,
                        Counter.builder("conductor.interventions")
                                .description("interventions entering each status")
                                .tag("type", type.name())
                                .tag("status", status.name())
                                .register(meters));
            }
            counters.put(type, byStatus);
        }
    }

    void entered(InterventionType type, InterventionStatus status) {
        counters.get(type).get(status).increment();
    }
}
