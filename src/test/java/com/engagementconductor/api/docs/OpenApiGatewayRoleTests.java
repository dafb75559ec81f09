package com.engagementconductor.api.docs;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** A gateway node serves no REST API and no pages, so no description of the API either (contracts §1). */
@SpringBootTest(
        properties = {
            "CONDUCTOR_ROLE=gateway",
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:openapi_gateway;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(ConductorTestConfiguration.class)
class OpenApiGatewayRoleTests {
    @Autowired
    MockMvc mvc;

    @Test
    void theGatewayRoleServesNeitherTheDescriptionNorItsViewer() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isNotFound());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isNotFound());
        mvc.perform(get("/health")).andExpect(status().isOk());
    }

    @Test
    void theGatewayRoleServesOnlyHealthMetricsAndPrometheusOverHttp() throws Exception {
        for (String served :
                List.of("/health", "/health/ready", "/health/detailed", "/metrics", "/actuator/prometheus")) {
            mvc.perform(get(served)).andExpect(status().isOk());
        }
        mvc.perform(get("/health/detailed"))
                .andExpect(jsonPath("$.components.agent.status").value("disabled"));
        String token = new TestTokens(java.time.InstantSource.system()).org();
        for (String other :
                List.of("/api/v1/agent/sessions", "/dashboard/config.json", "/dashboard/", "/attend/s1", "/")) {
            mvc.perform(get(other).header("Authorization", "Bearer " + token))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("not_found"))
                    .andExpect(jsonPath("$.instance").value(other));
        }
    }
}
