package com.engagementconductor.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:openapi_docs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(ConductorTestConfiguration.class)
class OpenApiDocsTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JsonMapper json;

    JsonNode docs;

    @BeforeEach
    void fetchTheDescriptionWithoutAToken() throws Exception {
        String body = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();
        docs = json.readTree(body);
    }

    /** Every {@code METHOD /api/v1/...} the controllers map, path variables written {@code {}}. */
    private Set<String> mappedOperations() {
        Set<String> out = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/v1/"))
                .forEach(path -> info.getMethodsCondition()
                        .getMethods()
                        .forEach(method -> out.add(method.name() + " " + anyVariable(path)))));
        return out;
    }

    private Set<String> documentedOperations() {
        Set<String> out = new TreeSet<>();
        docs.get("paths").properties().forEach(path -> path.getValue()
                .propertyNames()
                .forEach(method ->
                        out.add(method.toUpperCase(java.util.Locale.ROOT) + " " + anyVariable(path.getKey()))));
        return out;
    }

    private static String anyVariable(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private JsonNode operation(String path, String method) {
        JsonNode op = docs.path("paths").path(path).path(method);
        assertThat(op.isMissingNode())
                .as(method + " " + path + " is documented")
                .isFalse();
        return op;
    }

    @Test
    void everyMappedApiOperationIsDocumented() {
        Set<String> mapped = mappedOperations();
        assertThat(mapped).hasSizeGreaterThanOrEqualTo(20).contains("GET /api/v1/sessions/{}/export");
        assertThat(documentedOperations()).containsAll(mapped);
    }

    @Test
    void everyApiOperationHasASummaryTheBearerRequirementAndProblemAnswers() {
        List<String> checked = new ArrayList<>();
        docs.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/v1/")) {
                return;
            }
            assertThat(path.getKey()).as("path variables in snake_case").doesNotContainPattern("\\{[a-z]+[A-Z]");
            path.getValue().properties().forEach(entry -> {
                String name = entry.getKey() + " " + path.getKey();
                JsonNode op = entry.getValue();
                assertThat(op.path("summary").asString(""))
                        .as(name + " summary")
                        .isNotBlank();
                assertThat(op.path("security").toString())
                        .as(name + " security")
                        .isEqualTo("[{\"bearer-jwt\":[]}]");
                JsonNode responses = op.path("responses");
                for (String status : List.of("400", "401", "403", "429")) {
                    assertThat(responses
                                    .path(status)
                                    .path("content")
                                    .path("application/problem+json")
                                    .path("schema")
                                    .path("$ref")
                                    .asString(""))
                            .as(name + " " + status)
                            .isEqualTo("#/components/schemas/Problem");
                }
                String success = responses.propertyNames().stream()
                        .filter(s -> s.startsWith("2"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(name + " has no success answer"));
                assertThat(responses
                                .path(success)
                                .path("content")
                                .path("application/json")
                                .path("schema")
                                .path("$ref")
                                .asString(""))
                        .as(name + " success body")
                        .startsWith("#/components/schemas/");
                op.path("parameters")
                        .forEach(p -> assertThat(p.path("name").asString()).isNotEqualTo("caller"));
                checked.add(name);
            });
        });
        assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void endpointsListTheirOwnErrorStatuses() {
        JsonNode export = operation("/api/v1/sessions/{session_id}/export", "get");
        assertThat(export.path("responses").propertyNames()).contains("200", "400", "401", "403", "404", "429");
        assertThat(export.path("responses").path("404").path("description").asString())
                .contains("session_not_found");
        assertThat(export.path("responses").path("200").path("content").propertyNames())
                .containsExactlyInAnyOrder("application/json", "text/csv");
        assertThat(export.path("parameters").toString()).contains("\"json\"", "\"csv\"");
        JsonNode approve = operation("/api/v1/agent/sessions/{session_id}/decisions/{decision_id}/approve", "post");
        assertThat(approve.path("responses").path("404").path("description").asString())
                .contains("decision_not_found");
        assertThat(approve.path("responses").path("409").path("description").asString())
                .contains("decision_not_pending");
        assertThat(approve.path("responses").path("422").path("description").asString())
                .contains("session_not_live", "intervention_blocked");
        JsonNode register = operation("/api/v1/agent/sessions/register", "post");
        assertThat(register.path("responses").propertyNames()).contains("201", "409", "413", "415");
        assertThat(register.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Registration");
        assertThat(operation("/api/v1/simulations", "post")
                        .path("responses")
                        .path("409")
                        .path("description")
                        .asString())
                .contains("simulation_running", "simulation_unsupported");
    }

    @Test
    void schemasUseTheWireNamesAndEveryReferenceResolves() {
        JsonNode schemas = docs.path("components").path("schemas");
        assertThat(schemas.path("Problem").path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "code", "errors");
        assertThat(schemas.path("Problem")
                        .path("properties")
                        .path("errors")
                        .path("items")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/FieldError");
        assertThat(schemas.path("FieldError").path("properties").propertyNames())
                .containsExactly("field", "message");
        assertThat(schemas.path("SessionStatus").path("properties").propertyNames())
                .contains(
                        "session_id",
                        "mode",
                        "status",
                        "last_activity",
                        "confidence_score",
                        "current_decision",
                        "is_active",
                        "pending_decision");
        assertThat(schemas.path("SessionExport").path("properties").propertyNames())
                .containsExactly(
                        "exportDate", "sessionId", "eventId", "totalInterventions", "interventions", "summary");
        assertThat(schemas.path("ExportSummary").path("properties").propertyNames())
                .contains("successCount", "measuredCount", "successRate", "averageConfidence", "anomaliesByType");
        assertThat(schemas.path("ModeChange")
                        .path("properties")
                        .path("mode")
                        .path("enum")
                        .toString())
                .isEqualTo("[\"MANUAL\",\"SEMI_AUTO\",\"AUTO\"]");
        JsonNode bearer = docs.path("components").path("securitySchemes").path("bearer-jwt");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");
        List<String> refs = new ArrayList<>();
        collectRefs(docs, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(schemas.has(ref.substring("#/components/schemas/".length())))
                    .as(ref)
                    .isTrue();
        }
    }

    @Test
    void theViewerIsServedWithoutAToken() throws Exception {
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
