package com.engagementconductor.persistence;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The packaged jar ({@code target/engagement-conductor.jar}) run with {@code java -jar} in a working
 * directory of its own, with an environment that holds only PATH, HOME (the working directory) and
 * JAVA_HOME plus what a test adds. Output goes to files, so a chatty process never blocks on a pipe.
 */
public final class JarProcess implements AutoCloseable {

    /** How long a start may take on a slow CI machine; polls end as soon as their condition holds. */
    public static final Duration START_DEADLINE = Duration.ofSeconds(120);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private JarProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The jar built by {@code mvn package}; fails the test with a hint when it is missing. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "engagement-conductor.jar")
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: run the integration tests with `bash scripts/test.sh` (mvn verify builds the jar"
                    + " in the package phase, before failsafe runs)");
        }
        return jar;
    }

    /** Starts the jar in {@code workDir} with the minimal environment plus {@code env}. */
    public static JarProcess start(Path workDir, Map<String, String> env) {
        Path stdout = workDir.resolve("stdout.log");
        Path stderr = workDir.resolve("stderr.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString())
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> environment = builder.environment();
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        kept.put("HOME", workDir.toString());
        Optional.ofNullable(System.getenv("JAVA_HOME")).ifPresent(home -> kept.put("JAVA_HOME", home));
        environment.clear();
        environment.putAll(kept);
        environment.putAll(env);
        try {
            return new JarProcess(builder.start(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when this port can be bound on all interfaces, as the service would. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for the process to end; fails the test if it still runs at the deadline. */
    public int exitStatus(Duration deadline) {
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("the jar did not exit within " + deadline + "\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the jar");
        }
        return process.exitValue();
    }

    /**
     * Polls {@code GET url} until it answers 200, then returns the body; fails the test when the process
     * dies or the deadline passes first.
     */
    public String awaitOk(String url, Duration deadline) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        String[] body = new String[1];
        String[] last = {"no answer yet"};
        await(
                "GET " + url + " answers 200",
                deadline,
                () -> {
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        last[0] = response.statusCode() + " " + response.body();
                        body[0] = response.body();
                        return response.statusCode() == 200;
                    } catch (IOException e) {
                        last[0] = e.toString();
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                },
                () -> last[0]);
        return body[0];
    }

    /** Polls the standard output until it contains {@code text}. */
    public void awaitStdout(String text, Duration deadline) {
        await("stdout contains \"" + text + "\"", deadline, () -> stdout().contains(text), () -> "");
    }

    private void await(String what, Duration deadline, BooleanSupplier condition, Supplier<String> last) {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                fail("the jar exited with status " + process.exitValue() + " before " + what + "\n" + output());
            }
            if (Instant.now().isAfter(end)) {
                fail("timed out after " + deadline + " waiting until " + what + " (last: " + last.get() + ")\n"
                        + output());
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** Both streams, labelled, for failure messages. */
    public String output() {
        return "--- stdout ---\n" + tail(stdout()) + "\n--- stderr ---\n" + tail(stderr());
    }

    /** Kills the process at once (SIGKILL, like {@code kill -9}) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String read(Path file) {
        try {
            // Decoded leniently: the process may be half-way through writing a character.
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : "…" + text.substring(text.length() - 6000);
    }
}
