package com.engagementconductor;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.StartupEnvironment.Failure;
import com.engagementconductor.StartupEnvironment.Outcome;
import com.engagementconductor.StartupEnvironment.Role;
import com.engagementconductor.StartupEnvironment.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class StartupEnvironmentTests {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";

    // ---- defaults ----------------------------------------------------------------------------

    @Test
    void noEnvironmentIsTheEmbeddedModeWithContractDefaults() {
        Settings settings = settings(Map.of());

        assertThat(settings.port()).isEqualTo(8003);
        assertThat(settings.socketPort()).isEqualTo(3002);
        assertThat(settings.role()).isEqualTo(Role.ALL);
        assertThat(settings.embedded()).isTrue();
        assertThat(settings.database()).isEmpty();
        assertThat(settings.tick()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.executor()).isEqualTo("builtin");
        assertThat(settings.corsOrigins()).isEmpty();
        assertThat(settings.trustedProxies()).isEmpty();
        assertThat(settings.jwtSecretSet()).isFalse();
        assertThat(settings.warnings()).isEmpty();
        assertThat(settings.notices()).isEmpty();
    }

    @Test
    void emptyVariablesMeanTheirDefaults() {
        Settings settings = settings(Map.of("PORT", "", "DATABASE_URL", " ", "REDIS_URL", "", "JWT_SECRET", ""));

        assertThat(settings.port()).isEqualTo(8003);
        assertThat(settings.embedded()).isTrue();
    }

    // ---- ports -------------------------------------------------------------------------------

    @Test
    void portsInRangeAreAccepted() {
        Settings settings = settings(Map.of("PORT", "1", "SOCKET_PORT", "65535"));

        assertThat(settings.port()).isEqualTo(1);
        assertThat(settings.socketPort()).isEqualTo(65535);
    }

    @ParameterizedTest
    @CsvSource({"PORT,0", "PORT,65536", "PORT,http", "PORT,-1", "SOCKET_PORT,0", "SOCKET_PORT,80a", "SOCKET_PORT,999999"
    })
    void portOutOfRangeStopsWithStatusTwoNamingTheVariable(String name, String value) {
        Failure failure = failure(Map.of(name, value));

        assertThat(failure.exitStatus()).isEqualTo(2);
        assertThat(failure.message()).startsWith(name + " must be a port number between 1 and 65535");
    }

    @Test
    void samePortForHttpAndSocketIoIsRefusedUnlessTheAgentRoleServesNoSockets() {
        assertThat(failure(Map.of("PORT", "9000", "SOCKET_PORT", "9000")).message())
                .contains("PORT and SOCKET_PORT must differ");
        assertThat(settings(Map.of(
                                "PORT", "9000",
                                "SOCKET_PORT", "9000",
                                "CONDUCTOR_ROLE", "agent",
                                "REDIS_URL", "redis://r:6379",
                                "JWT_SECRET", SECRET))
                        .role())
                .isEqualTo(Role.AGENT);
    }

    // ---- role and Redis ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"agent", "gateway"})
    void splitRoleWithoutRedisStopsWithTheContractMessage(String role) {
        Failure failure = failure(Map.of("CONDUCTOR_ROLE", role));

        assertThat(failure.exitStatus()).isEqualTo(2);
        assertThat(failure.message())
                .isEqualTo("CONDUCTOR_ROLE=" + role
                        + " requires REDIS_URL (the embedded bus cannot reach other processes)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "agent", "gateway"})
    void everyRoleRunsWithRedis(String role) {
        Settings settings =
                settings(Map.of("CONDUCTOR_ROLE", role, "REDIS_URL", "redis://127.0.0.1:6379", "JWT_SECRET", SECRET));

        assertThat(settings.role().value()).isEqualTo(role);
        assertThat(settings.redis()).isTrue();
        assertThat(settings.embedded()).isFalse();
    }

    @Test
    void unknownRoleIsRefused() {
        assertThat(failure(Map.of("CONDUCTOR_ROLE", "worker")).message())
                .isEqualTo("CONDUCTOR_ROLE must be all, agent or gateway: \"worker\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "redis://localhost:6379",
                "redis://localhost",
                "rediss://user:pa%40ss@cache.example.com:6380/2",
                "redis://:password@10.0.0.5:6379/0"
            })
    void redisUrlFormsAreAccepted(String url) {
        assertThat(settings(Map.of("REDIS_URL", url, "JWT_SECRET", SECRET)).redis())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://user:topsecret@localhost:6379",
                "localhost:6379",
                "redis://user:topsecret@:6379",
                "redis://user:topsecret@host:6379/x",
                "redis://us er:topsecret@host"
            })
    void invalidRedisUrlNamesTheVariableWithoutEchoingIt(String url) {
        Failure failure = failure(Map.of("REDIS_URL", url, "JWT_SECRET", SECRET));

        assertThat(failure.exitStatus()).isEqualTo(2);
        assertThat(failure.message()).startsWith("REDIS_URL ").doesNotContain("topsecret");
    }

    // ---- database ------------------------------------------------------------------------------

    @Test
    void databaseUrlIsResolved() {
        Settings settings = settings(Map.of("DATABASE_URL", "postgresql://u:pw@db:5432/c", "JWT_SECRET", SECRET));

        assertThat(settings.database())
                .hasValueSatisfying(db -> assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/c"));
        assertThat(settings.embedded()).isFalse();
        assertThat(settings.toString()).doesNotContain("pw@").doesNotContain(SECRET);
    }

    @Test
    void invalidDatabaseUrlNamesTheVariableWithoutThePassword() {
        Failure failure = failure(Map.of("DATABASE_URL", "postgresql://u:topsecret@db:port/c", "JWT_SECRET", SECRET));

        assertThat(failure.message()).startsWith("DATABASE_URL ").doesNotContain("topsecret");
    }

    // ---- JWT_SECRET (V19) ------------------------------------------------------------------------

    @Test
    void databaseUrlWithoutJwtSecretStopsWithStatusTwo() {
        Failure failure = failure(Map.of("DATABASE_URL", "postgresql://u:topsecret@db:5432/c"));

        assertThat(failure.exitStatus()).isEqualTo(2);
        assertThat(failure.message())
                .isEqualTo("JWT_SECRET is required when REDIS_URL or DATABASE_URL is set"
                        + " (tokens must verify across processes and restarts)")
                .doesNotContain("topsecret");
    }

    @Test
    void redisUrlWithoutJwtSecretStopsWithStatusTwo() {
        assertThat(failure(Map.of("REDIS_URL", "redis://localhost:6379")).message())
                .contains("JWT_SECRET is required");
    }

    @Test
    void embeddedModeNeedsNoJwtSecret() {
        assertThat(settings(Map.of("PORT", "8080")).jwtSecretSet()).isFalse();
    }

    @Test
    void shortJwtSecretIsAcceptedWithOneWarningThatDoesNotEchoIt() {
        Settings settings = settings(Map.of("JWT_SECRET", "short-s3cret", "DATABASE_URL", "postgresql://u:p@db/c"));

        assertThat(settings.jwtSecretSet()).isTrue();
        assertThat(settings.warnings()).hasSize(1).allSatisfy(line -> assertThat(line)
                .contains("JWT_SECRET")
                .contains("32 bytes")
                .doesNotContain("short-s3cret"));
    }

    @Test
    void secretOfThirtyTwoBytesGivesNoWarning() {
        assertThat(settings(Map.of("JWT_SECRET", "x".repeat(32))).warnings()).isEmpty();
        // 16 two-byte characters are 32 bytes: the rule counts UTF-8 bytes, not characters.
        assertThat(settings(Map.of("JWT_SECRET", "é".repeat(16))).warnings()).isEmpty();
        assertThat(settings(Map.of("JWT_SECRET", "é".repeat(15))).warnings()).hasSize(1);
    }

    // ---- tick, executor ----------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"1s,1", "5s,5", "10s,10", "5,5", "1,1", "10,10", " 7s ,7"})
    void tickAcceptsWholeSecondsFromOneToTen(String value, int seconds) {
        assertThat(settings(Map.of("CONDUCTOR_TICK", value)).tick()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "11s", "11", "500ms", "1.5s", "5m", "PT5S", "fast"})
    void tickOutsideOneToTenSecondsIsRefused(String value) {
        assertThat(failure(Map.of("CONDUCTOR_TICK", value)).message()).startsWith("CONDUCTOR_TICK ");
    }

    @Test
    void executorIsBuiltinOrPlatform() {
        assertThat(settings(Map.of("CONDUCTOR_EXECUTOR", "platform")).executor())
                .isEqualTo("platform");
        assertThat(settings(Map.of("CONDUCTOR_EXECUTOR", "builtin")).executor()).isEqualTo("builtin");
        assertThat(failure(Map.of("CONDUCTOR_EXECUTOR", "redis")).message())
                .isEqualTo("CONDUCTOR_EXECUTOR must be builtin or platform: \"redis\"");
    }

    // ---- CORS_ORIGINS, TRUSTED_PROXIES ---------------------------------------------------------

    @Test
    void corsOriginsAcceptACommaListOrAJsonArray() {
        assertThat(settings(Map.of("CORS_ORIGINS", "http://localhost:3000, https://*.example.com"))
                        .corsOrigins())
                .containsExactly("http://localhost:3000", "https://*.example.com");
        assertThat(settings(Map.of("CORS_ORIGINS", "[\"http://localhost:3000\", \"https://app.example.com/\"]"))
                        .corsOrigins())
                .containsExactly("http://localhost:3000", "https://app.example.com");
        assertThat(settings(Map.of("CORS_ORIGINS", "[]")).corsOrigins()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:3000", "http://localhost:3000/app", "[\"http://a.com\"", "[http://a.com]", "*"})
    void malformedCorsOriginsAreRefused(String value) {
        assertThat(failure(Map.of("CORS_ORIGINS", value)).message()).startsWith("CORS_ORIGINS ");
    }

    @Test
    void trustedProxiesAcceptIpsAndCidrs() {
        assertThat(settings(Map.of("TRUSTED_PROXIES", "10.0.0.1, 10.0.0.0/8,::1,fd00::/8,192.168.1.0/24"))
                        .trustedProxies())
                .containsExactly("10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8", "192.168.1.0/24");
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.internal", "10.0.0.256", "10.0.0.0/33", "fd00::/129", "10.0.0", "1:2", "10.0.0.1/x"})
    void trustedProxiesRefuseHostNamesAndBadAddresses(String value) {
        assertThat(failure(Map.of("TRUSTED_PROXIES", value)).message()).startsWith("TRUSTED_PROXIES ");
    }

    // ---- LANGSMITH_*, several errors -------------------------------------------------------------

    @Test
    void langsmithVariablesGiveOneInfoLine() {
        Settings settings = settings(Map.of("LANGSMITH_API_KEY", "lsv2-secret", "LANGSMITH_PROJECT", "p"));

        assertThat(settings.notices())
                .containsExactly("LANGSMITH_* variables are ignored; set OTEL_EXPORTER_OTLP_ENDPOINT for tracing");
    }

    @Test
    void everyInvalidVariableIsReportedAndNoSecretIsEchoed() {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "x");
        env.put("CONDUCTOR_ROLE", "gateway");
        env.put("DATABASE_URL", "postgresql://u:topsecret@db/c");
        env.put("CONDUCTOR_TICK", "30s");

        Failure failure = failure(env);

        assertThat(failure.message().lines())
                .anyMatch(line -> line.startsWith("PORT "))
                .anyMatch(line -> line.startsWith("CONDUCTOR_ROLE=gateway requires REDIS_URL"))
                .anyMatch(line -> line.startsWith("CONDUCTOR_TICK "))
                .anyMatch(line -> line.startsWith("JWT_SECRET is required"));
        assertThat(failure.message()).doesNotContain("topsecret");
    }

    // ---- the datasource handed to Spring ------------------------------------------------------------

    @Test
    void withoutDatabaseUrlSpringGetsTheH2FileDatabaseUnderTheDataDirectory(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");
        MockEnvironment environment = new MockEnvironment().withProperty("conductor.data-dir", dataDir.toString());

        new StartupEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo(DatabaseUrl.embedded(dataDir).jdbcUrl())
                .startsWith("jdbc:h2:file:");
        assertThat(environment.getProperty("spring.flyway.placeholders.json_type"))
                .isEqualTo("JSON");
        assertThat(Files.isDirectory(dataDir)).isTrue();
    }

    @Test
    void databaseUrlWinsOverAConfiguredDatasource() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:mem:x")
                .withProperty("DATABASE_URL", "postgresql://app:p%40ss@db:5432/c?currentSchema=s1");

        new StartupEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db:5432/c?currentSchema=s1");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("p@ss");
        assertThat(environment.getProperty("spring.flyway.placeholders.json_type"))
                .isEqualTo("jsonb");
    }

    @Test
    void aConfiguredDatasourceIsKeptWhenDatabaseUrlIsUnset() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:mem:tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");

        new StartupEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:mem:tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        assertThat(environment.getProperty("spring.flyway.placeholders.json_type"))
                .isEqualTo("JSON");
    }

    private static Settings settings(Map<String, String> env) {
        Outcome outcome = StartupEnvironment.check(env);
        assertThat(outcome).isInstanceOf(Settings.class);
        return (Settings) outcome;
    }

    private static Failure failure(Map<String, String> env) {
        Outcome outcome = StartupEnvironment.check(env);
        assertThat(outcome).isInstanceOf(Failure.class);
        return (Failure) outcome;
    }

    @Test
    void anAnthropicBaseUrlMustBeAnHttpUrlAndIsNotEchoed() {
        assertThat(settings(Map.of("ANTHROPIC_BASE_URL", "http://127.0.0.1:8089")))
                .isNotNull();
        assertThat(settings(Map.of("ANTHROPIC_BASE_URL", "https://gateway.example.com/anthropic")))
                .isNotNull();
        assertThat(failure(Map.of("ANTHROPIC_BASE_URL", "ftp://secret@host")).message())
                .isEqualTo("ANTHROPIC_BASE_URL must be an http or https URL with a host")
                .doesNotContain("secret");
        assertThat(failure(Map.of("ANTHROPIC_BASE_URL", "not a url")).message())
                .isEqualTo("ANTHROPIC_BASE_URL must be an http or https URL with a host");
    }
}
