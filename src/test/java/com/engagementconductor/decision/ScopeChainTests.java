package com.engagementconductor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** R4.3: scopes global, organization (skipped when unknown) and event, widest first. */
class ScopeChainTests {

    @Test
    void theChainRunsFromGlobalThroughTheOrganizationToTheEvent() {
        assertThat(ScopeChain.of("org_1", "evt_1").widestFirst())
                .extracting(Scope::value)
                .containsExactly("global", "org:org_1", "event:evt_1");
        assertThat(ScopeChain.of("org_1", "evt_1").narrowest()).isEqualTo(Scope.event("evt_1"));
    }

    @Test
    void anUnknownOrganizationIsSkipped() {
        assertThat(ScopeChain.of(null, "evt_1").widestFirst()).containsExactly(Scope.GLOBAL, Scope.event("evt_1"));
        assertThat(ScopeChain.of(" ", "evt_1").widestFirst()).hasSize(2);
    }

    @Test
    void malformedScopesAndChainsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Scope("tenant:1"))
                .withMessageContaining("tenant:1");
        assertThatIllegalArgumentException().isThrownBy(() -> Scope.event(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new ScopeChain(List.of(Scope.event("e"))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScopeChain(List.of(Scope.GLOBAL, Scope.event("e"), Scope.event("e"))));
    }
}
