package com.engagementconductor.realtime.socketio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Runs a script of {@code src/test/node} with the stock socket.io-client and parses its JSON line. */
final class NodeClient {
    private static final Path SCRIPTS = Path.of("src", "test", "node");
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private NodeClient() {}

    static void requireInstalled() {
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules").resolve("socket.io-client"))) {
            throw new IllegalStateException(
                    "socket.io-client missing: run scripts/provision.sh or npm install --prefix src/test/node");
        }
    }

    /** Starts a script; {@link Running#result()} waits for it. */
    static Running start(String script, Object... args) {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.add(SCRIPTS.resolve(script).toString());
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        try {
            Process process = new ProcessBuilder(command).start();
            return new Running(process, String.join(" ", command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode run(String script, Object... args) {
        return start(script, args).result();
    }

    static final class Running {
        private final Process process;
        private final String command;
        private final CompletableFuture<String> stdout;
        private final CompletableFuture<String> stderr;

        Running(Process process, String command) {
            this.process = process;
            this.command = command;
            this.stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            this.stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        }

        JsonNode result() {
            try {
                if (!process.waitFor(180, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not finish");
                }
                String out = stdout.get(10, TimeUnit.SECONDS).strip();
                if (process.exitValue() != 0 || out.isEmpty()) {
                    throw new AssertionError(command + " exited with " + process.exitValue() + "\nstdout: " + out
                            + "\nstderr: " + stderr.get(10, TimeUnit.SECONDS));
                }
                String last = out.substring(out.lastIndexOf('\n') + 1);
                return MAPPER.readTree(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (Exception e) {
                throw new AssertionError(command + " failed", e);
            }
        }

        private static String read(InputStream in) {
            try (in) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
    }
}
