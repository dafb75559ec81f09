package com.engagementconductor;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.persistence.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a user starts it (contracts §1, §2): {@code java -jar} with no environment runs the
 * embedded mode on port 8003 and prints how to reach it; an invalid environment stops it with status 2.
 */
class EmbeddedJarIT {

    private static final Duration EXIT_DEADLINE = Duration.ofSeconds(60);

    @Test
    void withNoEnvironmentItRunsEmbeddedAndPrintsTokensAndTheDashboardUrl(@TempDir Path workDir) {
        // The contract is "no environment at all, port 8003"; when 8003 or 3002 is taken on this machine,
        // the same start runs on free ports given through PORT and SOCKET_PORT.
        Map<String, String> env = new HashMap<>();
        boolean defaultPortsFree = JarProcess.isFree(8003) && JarProcess.isFree(3002);
        int port = defaultPortsFree ? 8003 : JarProcess.freePort();
        if (!defaultPortsFree) {
            env.put("PORT", String.valueOf(port));
            env.put("SOCKET_PORT", String.valueOf(JarProcess.freePort()));
        }

        try (JarProcess jar = JarProcess.start(workDir, env)) {
            String health = jar.awaitOk("http://127.0.0.1:" + port + "/health", JarProcess.START_DEADLINE);
            jar.awaitStdout("Dashboard: ", JarProcess.START_DEADLINE);

            assertThat(health).contains("\"status\":\"healthy\"");
            assertThat(jar.stdout().lines())
                    .as(jar.output())
                    .contains("Engagement Conductor 1.0.0 - embedded mode (in-process bus, H2 under ./data)")
                    .anySatisfy(line -> assertThat(line).startsWith("Organizer token: eyJ"))
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("Dashboard: http://localhost:" + port + "/dashboard/#token=eyJ"));
            assertThat(workDir.resolve("data/conductor.mv.db"))
                    .as("the H2 file database under ./data")
                    .isRegularFile();
            assertThat(jar.stderr()).doesNotContain("Exception");
        }
    }

    @Test
    void databaseUrlWithoutJwtSecretStopsWithStatusTwo(@TempDir Path workDir) {
        try (JarProcess jar = JarProcess.start(
                workDir, Map.of("DATABASE_URL", "postgresql://conductor:do-not-print-me@127.0.0.1:1/conductor"))) {
            int status = jar.exitStatus(EXIT_DEADLINE);

            assertThat(status).as(jar.output()).isEqualTo(2);
            assertThat(jar.stderr())
                    .contains("JWT_SECRET is required when REDIS_URL or DATABASE_URL is set"
                            + " (tokens must verify across processes and restarts)");
            assertThat(jar.stdout() + jar.stderr()).doesNotContain("do-not-print-me");
            assertThat(Files.exists(workDir.resolve("data")))
                    .as("nothing started")
                    .isFalse();
        }
    }

    @Test
    void aSplitRoleWithoutRedisStopsWithStatusTwo(@TempDir Path workDir) {
        try (JarProcess jar = JarProcess.start(workDir, Map.of("CONDUCTOR_ROLE", "gateway"))) {
            int status = jar.exitStatus(EXIT_DEADLINE);

            assertThat(status).as(jar.output()).isEqualTo(2);
            assertThat(jar.stderr().strip())
                    .isEqualTo(
                            "CONDUCTOR_ROLE=gateway requires REDIS_URL (the embedded bus cannot reach other processes)");
        }
    }

    @Test
    void anInvalidPortStopsWithStatusTwoNamingTheVariable(@TempDir Path workDir) {
        try (JarProcess jar = JarProcess.start(workDir, Map.of("PORT", "80800", "JWT_SECRET", "s3cret-value"))) {
            int status = jar.exitStatus(EXIT_DEADLINE);

            assertThat(status).as(jar.output()).isEqualTo(2);
            assertThat(jar.stderr()).startsWith("PORT must be a port number between 1 and 65535");
            assertThat(jar.stdout() + jar.stderr()).doesNotContain("s3cret-value");
        }
    }
}
