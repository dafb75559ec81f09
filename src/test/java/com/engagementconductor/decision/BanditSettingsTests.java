package com.engagementconductor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The bandit's constants and their validation. */
class BanditSettingsTests {

    @Test
    void defaultsAreThoseOfSectionFour() {
        assertThat(BanditSettings.defaults()).isEqualTo(new BanditSettings(0.98, 10, 5, 1000));
        assertThat(new DecisionSettings(0.98, 10, 5, 1000, false).bandit()).isEqualTo(BanditSettings.defaults());
    }

    @Test
    void invalidSettingsAreRejectedNamingTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BanditSettings.defaults().withDiscount(1.5))
                .withMessageContaining("1.5");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BanditSettings.defaults().withDiscount(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new BanditSettings(0.98, -1, 5, 1000));
        assertThatIllegalArgumentException().isThrownBy(() -> new BanditSettings(0.98, 10, 5, 0));
    }
}
