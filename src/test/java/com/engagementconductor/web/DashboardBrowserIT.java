package com.engagementconductor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.persistence.JarProcess;
import com.engagementconductor.support.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard and the attendee page in headless Chromium against the packaged jar in embedded mode (contracts
 * §1): {@code src/test/node/dashboard-browser.mjs} signs in, starts the demo, approves the agent's suggestion,
 * switches to Auto, exports CSV and reloads. Screenshots go to {@code target/browser-artifacts/}.
 */
class DashboardBrowserIT {

    private static final long SCRIPT_DEADLINE_SECONDS = 840;

    @Test
    void anOrganizerWatchesTheDemoApprovesSwitchesToAutoExportsAndReloads(@TempDir Path workDir)
            throws IOException, InterruptedException {
        Optional<Path> chromium = chromium();
        assertThat(chromium)
                .as("Debian's chromium (scripts/provision.sh installs it)")
                .isPresent();
        Path nodeDir = Path.of(System.getProperty("basedir", "."), "src", "test", "node");
        assertThat(nodeDir.resolve("node_modules/playwright-core"))
                .as("playwright-core (npm install in src/test/node)")
                .isDirectory();

        int port = JarProcess.freePort();
        int socketPort = JarProcess.freePort();
        TestTokens tokens = new TestTokens(InstantSource.system());
        Path artifacts = Path.of(System.getProperty("basedir", "."), "target", "browser-artifacts");
        Files.createDirectories(artifacts);

        try (JarProcess jar = JarProcess.start(
                workDir,
                Map.of(
                        "PORT", String.valueOf(port),
                        "SOCKET_PORT", String.valueOf(socketPort),
                        "JWT_SECRET", TestTokens.SECRET))) {
            jar.awaitOk("http://127.0.0.1:" + port + "/health/ready", JarProcess.START_DEADLINE);
            String page = jar.awaitOk("http://127.0.0.1:" + port + "/dashboard/", JarProcess.START_DEADLINE);
            assertThat(page).contains("<div id=\"root\"></div>").contains("/dashboard/assets/");

            Path output = workDir.resolve("browser.log");
            ProcessBuilder builder = new ProcessBuilder("node", "dashboard-browser.mjs")
                    .directory(nodeDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment()
                    .putAll(Map.of(
                            "BASE_URL", "http://127.0.0.1:" + port,
                            "SOCKET_URL", "http://127.0.0.1:" + socketPort,
                            "ORG_TOKEN", tokens.org(),
                            "ATT_TOKEN", tokens.attendee(),
                            "ARTIFACTS", artifacts.toString(),
                            "CHROMIUM", chromium.get().toString()));
            Process script = builder.start();
            boolean finished = script.waitFor(SCRIPT_DEADLINE_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                script.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            Files.writeString(artifacts.resolve("browser.log"), log, StandardCharsets.UTF_8);

            assertThat(finished)
                    .as("the browser flow ends within the deadline\n" + log)
                    .isTrue();
            assertThat(script.exitValue())
                    .as("the browser flow passes\n" + log + "\n" + jar.output())
                    .isZero();
            assertThat(log).contains("PASS");
            assertThat(artifacts.resolve("03-decision.png")).isRegularFile();
            assertThat(artifacts.resolve("08-reloaded.png")).isRegularFile();
        }
    }

    private static Optional<Path> chromium() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":"))
                .flatMap(dir -> Stream.of(Path.of(dir, "chromium"), Path.of(dir, "chromium-browser")))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
