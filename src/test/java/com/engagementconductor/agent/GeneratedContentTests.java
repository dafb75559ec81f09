package com.engagementconductor.agent;

import static com.engagementconductor.support.FakeAnthropic.HAIKU;
import static com.engagementconductor.support.FakeAnthropic.SONNET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.content.LlmStatus;
import com.engagementconductor.intervention.InterventionTopics;
import com.engagementconductor.scoring.TickScheduler;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.support.FakeAnthropic;
import com.engagementconductor.support.LaneTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated content in the running context against a local fake Messages API (behaviour R5.11, R6.2, R6.8): the
 * decision is published at once without content and again with it, an AUTO decision executes with Sonnet's content,
 * an approval given before the content exists executes once it does, and a hanging model never holds up the lane
 * that all sessions share here.
 */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "conductor.content.api-key=test-key",
            "conductor.content.sonnet-timeout=2s",
            "conductor.content.haiku-timeout=2s",
            "conductor.content.overall-timeout=5s",
            "spring.datasource.url=jdbc:h2:mem:generated_content;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(LaneTestConfiguration.class)
class GeneratedContentTests {
    static final FakeAnthropic FAKE = new FakeAnthropic();

    @DynamicPropertySource
    static void anthropic(DynamicPropertyRegistry registry) {
        registry.add("conductor.content.base-url", FAKE::baseUrl);
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    TickScheduler ticks;

    @Autowired
    LaneTestConfiguration.Lane lane;

    @Autowired
    EventBus bus;

    @Autowired
    JsonMapper json;

    @Autowired
    com.engagementconductor.simulation.Simulations simulations;

    @Autowired
    LlmStatus llm;

    TestTokens tokens;
    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    final List<JsonNode> commands = new CopyOnWriteArrayList<>();
    EventBus.Subscription eventSub;
    EventBus.Subscription commandSub;

    @BeforeEach
    void setUp() {
        FAKE.reset();
        tokens = new TestTokens(clock);
        eventSub = bus.subscribe("session:*:events", (t, p) -> events.add(json.readTree(p)));
        commandSub = bus.subscribe(InterventionTopics.COMMANDS_STREAM, (t, p) -> commands.add(json.readTree(p)));
    }

    @AfterEach
    void tearDown() {
        eventSub.close();
        commandSub.close();
    }

    @Test
    void anAutoDecisionExecutesWithSonnetContentAndTheRecordSaysSo() throws Exception {
        String s = "llm_auto";
        JsonNode first = runUntilDecision(s, "AUTO");
        String id = first.path("decisionId").asString();
        assertThat(llm.mode()).isEqualTo("anthropic");
        assertThat(first.path("autoApproved").asBoolean()).isTrue();
        assertThat(first.path("contentPreview").isNull()).isTrue();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> command(id)
                .isPresent());
        JsonNode command = command(id).orElseThrow();
        List<JsonNode> published = decisions(s);
        assertThat(published).hasSize(2);
        assertThat(published.get(1).path("decisionId").asString()).isEqualTo(id);
        assertThat(published.get(1).path("contentPreview").isObject()).isTrue();
        assertThat(published.get(1).path("contentPreview").toString())
                .containsAnyOf(
                        "Which demo should we run next?", "Tell us in chat", "Audience is drifting", "Idea Blitz");
        assertThat(command.toString())
                .containsAnyOf(
                        "Which demo should we run next?", "Tell us in chat", "Audience is drifting", "Idea Blitz");

        JsonNode record = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> intervention(s, id), Optional::isPresent)
                .orElseThrow();
        JsonNode metadata = record.path("metadata");
        assertThat(metadata.path("generation_method").asString()).isEqualTo("sonnet");
        assertThat(metadata.path("model").asString()).isEqualTo(SONNET);
        assertThat(metadata.path("latency_ms").isNumber()).isTrue();
        assertThat(metadata.path("cost_usd").asDouble()).isEqualTo(0.0105); // 1,000 input + 500 output tokens
        assertThat(metadata.path("input_tokens").asLong()).isEqualTo(1000);
        assertThat(metadata.path("fallback_reason").isNull()).isTrue();

        String user = FAKE.received(SONNET)
                .get(0)
                .json()
                .path("messages")
                .path(0)
                .path("content")
                .asString();
        assertThat(user).contains("Minutes since the session started: ").contains("<audience_messages>");
        assertThat(user).doesNotContain("Connected users: 0\n");
        assertThat(llm.costs().tokensByModel()).containsKey(SONNET);

        // operations read the same metered numbers (contracts §4.17)
        assertThat(llm.costs().totalCost()).isGreaterThanOrEqualTo(0.0105);
        mvc.perform(get("/metrics"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.cost_metrics.total_cost").value(llm.costs().totalCost()))
                .andExpect(
                        jsonPath("$.cost_metrics.hourly_cost").value(llm.costs().hourlyCost()))
                .andExpect(jsonPath("$.cost_metrics.hourly_limit").value(20.0))
                .andExpect(jsonPath("$.cost_metrics.daily_limit").value(100.0))
                .andExpect(jsonPath("$.cost_metrics.tokens_by_model['" + SONNET + "'].input_tokens")
                        .value(llm.costs().tokensByModel().get(SONNET).inputTokens()));
        mvc.perform(get("/health/detailed"))
                .andExpect(jsonPath("$.components.llm.mode").value("anthropic"))
                .andExpect(jsonPath("$.components.llm.breakers.sonnet.state").value("CLOSED"))
                .andExpect(jsonPath("$.components.llm.breakers.haiku.state").isString());
    }

    @Test
    void whenBothModelsFailTheTemplateIsUsedAndTheInterventionStillExecutes() throws Exception {
        FAKE.always(SONNET, FakeAnthropic.status(500)).always(HAIKU, FakeAnthropic.status(503));
        String s = "llm_both_fail";
        String id = runUntilDecision(s, "AUTO").path("decisionId").asString();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> command(id)
                .isPresent());
        JsonNode metadata = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> intervention(s, id), Optional::isPresent)
                .orElseThrow()
                .path("metadata");
        assertThat(metadata.path("generation_method").asString()).isEqualTo("template");
        assertThat(metadata.path("fallback_reason").asString()).isEqualTo("api_error");
        assertThat(metadata.path("cost_usd").asDouble()).isZero();
    }

    @Test
    void anApprovalGivenBeforeTheContentExistsAnswersAtOnceAndExecutesOnceItDoes() throws Exception {
        FAKE.then(SONNET, FAKE.hang()); // Sonnet times out after 2 s, then Haiku answers
        String s = "llm_manual";
        JsonNode decision = runUntilDecision(s, "MANUAL");
        String id = decision.path("decisionId").asString();
        assertThat(decision.path("contentPreview").isNull()).isTrue();

        mvc.perform(post("/api/v1/agent/sessions/" + s + "/decisions/" + id + "/approve")
                        .header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.execution_result.status").value("GENERATING"))
                .andExpect(jsonPath("$.execution_result.success").value(true));
        assertThat(command(id)).isEmpty();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> command(id)
                .isPresent());
        JsonNode metadata = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> intervention(s, id), Optional::isPresent)
                .orElseThrow()
                .path("metadata");
        assertThat(metadata.path("generation_method").asString()).isEqualTo("haiku");
        assertThat(metadata.path("model").asString()).isEqualTo(HAIKU);
        assertThat(metadata.path("fallback_reason").asString()).isEqualTo("timeout");
        assertThat(metadata.path("latency_ms").asLong()).isGreaterThanOrEqualTo(2000);
        assertThat(commands.stream()
                        .filter(c -> c.path("decision_id").asString().equals(id)))
                .hasSize(1);
    }

    @Test
    void aHangingModelDoesNotHoldUpTheSharedLane() throws Exception {
        FAKE.then(SONNET, FAKE.hang()).then(HAIKU, FAKE.hang());
        String s = "llm_hang";
        String id = runUntilDecision(s, "AUTO").path("decisionId").asString();
        Awaitility.await().until(() -> FAKE.received(SONNET).size() == 1);

        // Every session runs on this one lane here: it keeps working while the generation hangs.
        CountDownLatch otherSession = new CountDownLatch(1);
        lane.execute("llm_other_session", otherSession::countDown);
        assertThat(otherSession.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(command(id)).isEmpty(); // the content does not exist yet, and nothing waited for it
        assertThat(FAKE.received(HAIKU)).isEmpty(); // Sonnet is still hanging
        tick(s); // the session itself keeps ticking

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> command(id)
                .isPresent());
        JsonNode metadata = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> intervention(s, id), Optional::isPresent)
                .orElseThrow()
                .path("metadata");
        assertThat(metadata.path("generation_method").asString()).isEqualTo("template");
        assertThat(metadata.path("fallback_reason").asString()).isEqualTo("timeout");
    }

    @Test
    void aManualInterventionWithoutContentUsesTheSameChain() throws Exception {
        String s = "llm_manual_trigger";
        FAKE.then(
                SONNET,
                FakeAnthropic.tool(
                        java.util.Map.of("message", "Tell us in chat what you want to see next!"), 1000, 500));
        mvc.perform(post("/api/v1/interventions/manual")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"session_id\":\"" + s + "\",\"event_id\":\"evt_" + s
                                + "\",\"intervention_type\":\"BROADCAST\",\"reason\":\"Speaker asked\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.details.content_source").value("generated"));

        String body = mvc.perform(
                        get("/api/v1/interventions/history/" + s).header("Authorization", "Bearer " + tokens.read()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode metadata = json.readTree(body).path("interventions").path(0).path("metadata");
        assertThat(metadata.path("generation_method").asString()).isEqualTo("sonnet");
        assertThat(metadata.path("message").asString()).isEqualTo("Tell us in chat what you want to see next!");
        assertThat(metadata.path("cost_usd").asDouble()).isEqualTo(0.0105);
        assertThat(FAKE.received(SONNET)
                        .get(0)
                        .json()
                        .path("tool_choice")
                        .path("name")
                        .asString())
                .isEqualTo("emit_broadcast");
    }

    private Optional<JsonNode> command(String decisionId) {
        return commands.stream()
                .filter(c -> c.path("decision_id").asString().equals(decisionId))
                .findFirst();
    }

    private Optional<JsonNode> intervention(String s, String decisionId) throws Exception {
        String body = mvc.perform(
                        get("/api/v1/interventions/history/" + s).header("Authorization", "Bearer " + tokens.read()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (JsonNode i : json.readTree(body).path("interventions")) {
            if (i.path("decision_id").asString().equals(decisionId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Registers the session, sets the mode, runs a lively room then silence until a decision is published. */
    private JsonNode runUntilDecision(String s, String mode) throws Exception {
        mvc.perform(post("/api/v1/agent/sessions/register")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_id\":\"evt_" + s + "\",\"session_id\":\"" + s + "\"}"))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(put("/api/v1/agent/sessions/" + s + "/mode")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"" + mode + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/simulations")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"session_id\":\"" + s
                                + "\",\"scenario\":\"low_engagement\",\"attendees\":200,\"seed\":"
                                + Math.floorMod(s.hashCode(), 1000) + "}"))
                .andExpect(status().isCreated());
        for (int k = 0; k < 120; k++) {
            tick(s);
            List<JsonNode> d = decisions(s);
            if (!d.isEmpty()) {
                return d.get(0);
            }
        }
        throw new AssertionError("no decision for " + s);
    }

    private void tick(String s) throws InterruptedException {
        Instant t = clock.instant();
        for (int second = 0; second < 5; second++) {
            t = clock.advance(Duration.ofSeconds(1));
            simulations.stepAll();
            barrier();
        }
        Instant tickAt = t;
        lane.execute(s, () -> ticks.tick(s, tickAt));
        lane.settle();
        barrier();
    }

    private void barrier() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        EventBus.Subscription sub = bus.subscribe("test:barrier", (t, p) -> latch.countDown());
        bus.publish("test:barrier", "x");
        assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        sub.close();
    }

    private List<JsonNode> decisions(String s) {
        return events.stream()
                .filter(e -> e.path("session_id").asString().equals(s)
                        && e.path("type").asString().equals("agent.decision"))
                .map(e -> e.path("data").path("decision"))
                .toList();
    }
}
