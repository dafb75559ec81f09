package com.engagementconductor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** R0.4 and R4.1: the four arms, {@code CHAT_PROMPT} read as {@code BROADCAST}, anything else rejected. */
class ArmTests {

    @Test
    void armsAreInTieBreakingOrder() {
        assertThat(Arm.values()).containsExactly(Arm.POLL, Arm.BROADCAST, Arm.NOTIFICATION, Arm.GAMIFICATION);
    }

    @Test
    void parsingIgnoresCaseAndReadsChatPromptAsBroadcast() {
        assertThat(Arm.parse("POLL")).isEqualTo(Arm.POLL);
        assertThat(Arm.parse("gamification")).isEqualTo(Arm.GAMIFICATION);
        assertThat(Arm.parse(" Notification ")).isEqualTo(Arm.NOTIFICATION);
        assertThat(Arm.parse("CHAT_PROMPT")).isEqualTo(Arm.BROADCAST);
        assertThat(Arm.parse("chat_prompt")).isEqualTo(Arm.BROADCAST);
    }

    @Test
    void anUnknownArmIsRejectedNamingTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Arm.parse("NUDGE"))
                .withMessageContaining("NUDGE");
        assertThat(Arm.tryParse("NUDGE")).isEmpty();
        assertThat(Arm.tryParse("broadcast")).contains(Arm.BROADCAST);
    }
}
