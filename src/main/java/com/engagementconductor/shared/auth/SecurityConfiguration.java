package com.engagementconductor.shared.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Token verification with {@code JWT_SECRET}, or in embedded mode a generated development secret kept under ./data. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    Tokens tokens(
            Environment env,
            InstantSource clock,
            @Value("${conductor.security.leeway:30s}") Duration leeway,
            @Value("${conductor.data-dir:./data}") String dataDir) {
        String secret = env.getProperty("conductor.security.jwt-secret", "");
        if (!secret.isEmpty()) {
            return new Tokens(secret.getBytes(StandardCharsets.UTF_8), leeway, clock);
        }
        return new Tokens(developmentSecret(Path.of(dataDir).resolve("dev-secret")), leeway, clock);
    }

    /** Reads the development secret, creating a random 256-bit one (file mode 600) on first start. */
    static byte[] developmentSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, HexFormat.of().formatHex(key) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the file keeps the default mode
                }
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development secret " + file, e);
        }
    }
}
