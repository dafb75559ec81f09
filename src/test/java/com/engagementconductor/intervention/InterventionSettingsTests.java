package com.engagementconductor.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InterventionSettingsTests {

    @Test
    void theExecutorChoosesTheCommandTopic() {
        assertThat(InterventionSettings.defaults().executorKind().commandTopic())
                .isEqualTo("agent.interventions.v1");
        InterventionSettings platform =
                new InterventionSettings("PLATFORM", 10, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ZERO);
        assertThat(platform.executorKind().commandTopic()).isEqualTo("agent.interventions");
    }

    @Test
    void anUnknownExecutorIsRejectedByName() {
        assertThatThrownBy(() -> new InterventionSettings(
                        "gateway", 10, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONDUCTOR_EXECUTOR")
                .hasMessageContaining("gateway");
    }
}
