package com.engagementconductor;

import com.engagementconductor.shared.jdbc.DatabaseKind;
import com.engagementconductor.shared.jdbc.EmptySchemaGuard;
import com.engagementconductor.shared.jdbc.NonEmptySchemaException;
import com.engagementconductor.shared.web.ClientAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The environment variables of contracts §2, checked before Spring starts: {@link #check(Map)} is the
 * pure rule set, {@link #checkOrExit(Map)} prints the message and exits with status 2 on an invalid value.
 * As an {@link EnvironmentPostProcessor} it also hands the database chosen by {@code DATABASE_URL} (or the
 * embedded H2 file database) to Spring as {@code spring.datasource.*} and the Flyway placeholder
 * {@code json_type}. Secret values (JWT_SECRET, passwords in URLs) never appear in a message.
 *
 * <p>Longer than most classes because it is the single place where every variable of contracts §2 is
 * checked, one short method per variable, so that the whole start-up contract reads in one file.
 */
public final class StartupEnvironment implements EnvironmentPostProcessor, Ordered {

    /** Exit status of a start stopped by an invalid environment (contracts §2). */
    public static final int EXIT_INVALID = 2;

    static final String JWT_REQUIRED = "JWT_SECRET is required when REDIS_URL or DATABASE_URL is set"
            + " (tokens must verify across processes and restarts)";
    static final String LANGSMITH_IGNORED =
            "LANGSMITH_* variables are ignored; set OTEL_EXPORTER_OTLP_ENDPOINT for tracing";
    static final String SHORT_SECRET = "JWT_SECRET is shorter than 32 bytes; accepted for compatibility with"
            + " existing token issuers, but use at least 32 random bytes for HS256";

    private static final String FLYWAY_HISTORY = "flyway_schema_history";
    private static final Pattern TICK = Pattern.compile("([0-9]{1,2})s?");
    private static final Pattern ORIGIN = Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*://(\\*\\.)?([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+])(:[0-9]{1,5})?");

    /** The service's role (contracts §1). */
    public enum Role {
        ALL,
        AGENT,
        GATEWAY;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What {@link #check(Map)} decided: the start goes on with {@link Settings}, or stops with a {@link Failure}. */
    public sealed interface Outcome permits Settings, Failure {}

    /**
     * The validated environment. {@code database} is empty in embedded mode (H2 under {@code ./data});
     * {@code warnings} and {@code notices} are the WARN and INFO lines to print. Holds no secret.
     */
    public record Settings(
            int port,
            int socketPort,
            Role role,
            boolean redis,
            Optional<DatabaseUrl> database,
            Duration tick,
            String executor,
            List<String> corsOrigins,
            List<String> trustedProxies,
            boolean jwtSecretSet,
            List<String> warnings,
            List<String> notices)
            implements Outcome {

        /** Neither REDIS_URL nor DATABASE_URL: in-process bus and H2 under {@code ./data}. */
        public boolean embedded() {
            return !redis && database.isEmpty();
        }
    }

    /** An invalid environment: one line per invalid variable, each naming it. */
    public record Failure(String message) implements Outcome {
        public int exitStatus() {
            return EXIT_INVALID;
        }
    }

    /** Validates {@code env} (normally {@link System#getenv()}); never throws for bad values. */
    public static Outcome check(Map<String, String> env) {
        List<String> errors = new ArrayList<>();
        int port = port(env, "PORT", 8003, errors);
        int socketPort = port(env, "SOCKET_PORT", 3002, errors);
        Role role = role(env, errors);
        String redisUrl = value(env, "REDIS_URL");
        if (redisUrl != null) {
            redisUrlError(redisUrl).ifPresent(errors::add);
        }
        DatabaseUrl database = null;
        String databaseUrl = value(env, "DATABASE_URL");
        if (databaseUrl != null) {
            try {
                database = DatabaseUrl.parse(databaseUrl);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (role != null && role != Role.ALL && redisUrl == null) {
            errors.add("CONDUCTOR_ROLE=" + role.value()
                    + " requires REDIS_URL (the embedded bus cannot reach other processes)");
        }
        if (role != Role.AGENT && port > 0 && port == socketPort) {
            errors.add("PORT and SOCKET_PORT must differ: both are " + port);
        }
        Duration tick = tick(env, errors);
        String executor = executor(env, errors);
        anthropicBaseUrl(env, errors);
        List<String> origins = corsOrigins(env, errors);
        List<String> proxies = trustedProxies(env, errors);
        otlpEndpoint(env, errors);
        String secret = value(env, "JWT_SECRET");
        List<String> warnings = new ArrayList<>();
        if (secret == null && (redisUrl != null || databaseUrl != null)) {
            errors.add(JWT_REQUIRED);
        } else if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            warnings.add(SHORT_SECRET);
        }
        if (!errors.isEmpty()) {
            return new Failure(String.join(System.lineSeparator(), errors));
        }
        List<String> notices = env.keySet().stream().anyMatch(key -> key.startsWith("LANGSMITH_"))
                ? List.of(LANGSMITH_IGNORED)
                : List.of();
        return new Settings(
                port,
                socketPort,
                role,
                redisUrl != null,
                Optional.ofNullable(database),
                tick,
                executor,
                origins,
                proxies,
                secret != null,
                List.copyOf(warnings),
                notices);
    }

    /**
     * Checks the environment before Spring starts: on an invalid value prints the message to standard error
     * and exits with status 2; otherwise logs the WARN and INFO lines and returns the settings.
     */
    public static Settings checkOrExit(Map<String, String> env) {
        Outcome outcome = check(env);
        if (outcome instanceof Failure failure) {
            System.err.println(failure.message());
            System.err.flush();
            System.exit(failure.exitStatus());
        }
        Settings settings = (Settings) outcome;
        settings.database().flatMap(StartupEnvironment::foreignSchema).ifPresent(message -> {
            System.err.println(message);
            System.err.flush();
            System.exit(EXIT_INVALID);
        });
        Logger log = LoggerFactory.getLogger(StartupEnvironment.class);
        settings.warnings().forEach(log::warn);
        settings.notices().forEach(log::info);
        // Normalised forms for the properties application.yml maps these variables to: a bare "5" would
        // otherwise bind as 5 ms, and a JSON array would be split on its commas.
        if (value(env, "CONDUCTOR_TICK") != null) {
            System.setProperty("conductor.scoring.tick", settings.tick().toSeconds() + "s");
        }
        if (value(env, "CORS_ORIGINS") != null) {
            System.setProperty("conductor.cors.origins", String.join(",", settings.corsOrigins()));
        }
        System.setProperty("conductor.role", settings.role().value());
        String otlp = value(env, "OTEL_EXPORTER_OTLP_ENDPOINT");
        if (otlp != null) {
            // OTLP over HTTP: the variable names the collector's base URL, traces go to /v1/traces
            String base = otlp.endsWith("/") ? otlp.substring(0, otlp.length() - 1) : otlp;
            System.setProperty(
                    "management.opentelemetry.tracing.export.otlp.endpoint",
                    base.endsWith("/v1/traces") ? base : base + "/v1/traces");
            System.setProperty("management.tracing.export.enabled", "true");
            System.setProperty("management.tracing.sampling.probability", "1.0");
            System.setProperty("conductor.tracing.enabled", "true");
            System.setProperty("logging.pattern.correlation", "[%X{traceId:-},%X{spanId:-}] ");
        }
        if (value(env, "TRUSTED_PROXIES") != null) {
            System.setProperty("conductor.web.trusted-proxies", String.join(",", settings.trustedProxies()));
        }
        if (settings.role() == Role.AGENT) {
            System.setProperty("conductor.realtime.enabled", "false"); // agent nodes serve no sockets
        }
        return settings;
    }

    /**
     * The non-empty-schema rule of contracts §9, checked on PostgreSQL before Spring starts so that the exit
     * status is 2 (the {@link EmptySchemaGuard} in front of Flyway enforces the same rule inside Spring,
     * where a failed start exits with status 1). Empty when the schema is fine or the database cannot be
     * reached: then Spring reports the connection problem itself.
     */
    static Optional<String> foreignSchema(DatabaseUrl database) {
        Properties properties = new Properties();
        Optional.ofNullable(database.username()).ifPresent(user -> properties.setProperty("user", user));
        Optional.ofNullable(database.password()).ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", "10");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties)) {
            EmptySchemaGuard.check(connection, null, FLYWAY_HISTORY);
            return Optional.empty();
        } catch (NonEmptySchemaException e) {
            return Optional.of(e.getMessage() + ". Give the service its own schema with currentSchema in"
                    + " DATABASE_URL (for example ?currentSchema=conductor) or point it at an empty database.");
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---- EnvironmentPostProcessor: the datasource -------------------------------------------------

    /**
     * {@code DATABASE_URL} set: its JDBC URL, user and password win over any other datasource setting.
     * Unset: an explicitly configured {@code spring.datasource.url} is kept (tests), else the H2 file
     * database under {@code conductor.data-dir} (created when missing) is the default. The Flyway
     * placeholder {@code json_type} follows the database unless configured. With {@code CONDUCTOR_ROLE=gateway} the API
     * description (springdoc) is switched off.
     */
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String role = blankToNull(environment.getProperty("CONDUCTOR_ROLE"));
        if (role != null) {
            Map<String, Object> byRole = new LinkedHashMap<>();
            byRole.put("conductor.role", role.toLowerCase(Locale.ROOT));
            if (Role.GATEWAY.value().equalsIgnoreCase(role)) {
                // A gateway node serves no REST API, so no description of it either (contracts §1).
                byRole.put("springdoc.api-docs.enabled", "false");
                byRole.put("springdoc.swagger-ui.enabled", "false");
            }
            environment.getPropertySources().addFirst(new MapPropertySource("conductorRole", byRole));
        }
        String databaseUrl = blankToNull(environment.getProperty("DATABASE_URL"));
        String configuredUrl = blankToNull(environment.getProperty("spring.datasource.url"));
        Map<String, Object> chosen = new LinkedHashMap<>();
        String jdbcUrl = configuredUrl;
        if (databaseUrl != null || configuredUrl == null) {
            DatabaseUrl database = databaseUrl != null
                    ? DatabaseUrl.parse(databaseUrl)
                    : DatabaseUrl.embedded(dataDirectory(environment));
            jdbcUrl = database.jdbcUrl();
            chosen.put("spring.datasource.url", database.jdbcUrl());
            if (database.username() != null) {
                chosen.put("spring.datasource.username", database.username());
            }
            if (database.password() != null) {
                chosen.put("spring.datasource.password", database.password());
            }
        }
        if (!chosen.isEmpty()) {
            MapPropertySource source = new MapPropertySource("conductorDatabase", chosen);
            if (databaseUrl != null) {
                environment.getPropertySources().addFirst(source);
            } else {
                environment.getPropertySources().addLast(source);
            }
        }
        if (jdbcUrl != null && environment.getProperty("spring.flyway.placeholders.json_type") == null) {
            String jsonType = DatabaseKind.ofJdbcUrl(jdbcUrl).jsonType();
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "conductorFlywayPlaceholders", Map.of("spring.flyway.placeholders.json_type", jsonType)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static Path dataDirectory(ConfigurableEnvironment environment) {
        Path dir = Path.of(environment.getProperty("conductor.data-dir", "./data"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("conductor.data-dir " + dir + " cannot be created", e);
        }
    }

    // ---- rules, one per variable --------------------------------------------------------------

    private static int port(Map<String, String> env, String name, int fallback, List<String> errors) {
        String raw = value(env, name);
        if (raw == null) {
            return fallback;
        }
        if (raw.matches("[0-9]{1,5}") && Integer.parseInt(raw) >= 1 && Integer.parseInt(raw) <= 65535) {
            return Integer.parseInt(raw);
        }
        errors.add(name + " must be a port number between 1 and 65535: " + quote(raw));
        return -1;
    }

    private static @Nullable Role role(Map<String, String> env, List<String> errors) {
        String raw = value(env, "CONDUCTOR_ROLE");
        if (raw == null) {
            return Role.ALL;
        }
        for (Role role : Role.values()) {
            if (role.value().equals(raw.toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        errors.add("CONDUCTOR_ROLE must be all, agent or gateway: " + quote(raw));
        return null;
    }

    /** The URL may hold a password, so the message never repeats it. */
    private static Optional<String> redisUrlError(String raw) {
        String form = "REDIS_URL must look like redis://[user:password@]host:port[/db] or rediss://…";
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("redis") && !scheme.equals("rediss")) {
                return Optional.of(form + ": the scheme must be redis or rediss");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.of(form + ": the host is missing or not valid (percent-encode the password)");
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (!path.isEmpty() && !path.matches("/[0-9]{0,5}")) {
                return Optional.of(form + ": the path must be a database number");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(form + ": it is not a valid URL (percent-encode the password)");
        }
    }

    private static Duration tick(Map<String, String> env, List<String> errors) {
        String raw = value(env, "CONDUCTOR_TICK");
        if (raw == null) {
            return Duration.ofSeconds(5);
        }
        Matcher matcher = TICK.matcher(raw.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            int seconds = Integer.parseInt(matcher.group(1));
            if (seconds >= 1 && seconds <= 10) {
                return Duration.ofSeconds(seconds);
            }
        }
        errors.add("CONDUCTOR_TICK must be whole seconds from 1 to 10, as 5s or 5: " + quote(raw));
        return Duration.ofSeconds(5);
    }

    /** An http(s) URL with a host; the value is not echoed (a gateway URL may carry credentials). */
    private static void anthropicBaseUrl(Map<String, String> env, List<String> errors) {
        String raw = value(env, "ANTHROPIC_BASE_URL");
        if (raw == null) {
            return;
        }
        try {
            java.net.URI uri = new java.net.URI(raw.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        errors.add("ANTHROPIC_BASE_URL must be an http or https URL with a host");
    }

    private static String executor(Map<String, String> env, List<String> errors) {
        String raw = value(env, "CONDUCTOR_EXECUTOR");
        if (raw == null) {
            return "builtin";
        }
        String executor = raw.toLowerCase(Locale.ROOT);
        if (!executor.equals("builtin") && !executor.equals("platform")) {
            errors.add("CONDUCTOR_EXECUTOR must be builtin or platform: " + quote(raw));
        }
        return executor;
    }

    /** A comma-separated list or, as before, a JSON array of strings; exact origins or scheme://*.domain. */
    private static List<String> corsOrigins(Map<String, String> env, List<String> errors) {
        String raw = value(env, "CORS_ORIGINS");
        if (raw == null) {
            return List.of();
        }
        boolean json = raw.startsWith("[");
        if (json && !raw.endsWith("]")) {
            errors.add("CORS_ORIGINS must be a comma-separated list of origins or a JSON array of strings");
            return List.of();
        }
        String list = json ? raw.substring(1, raw.length() - 1) : raw;
        List<String> origins = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            String origin = item.strip();
            if (json) {
                if (origin.isEmpty() && list.isBlank()) {
                    continue;
                }
                if (origin.length() < 2 || !origin.startsWith("\"") || !origin.endsWith("\"")) {
                    errors.add("CORS_ORIGINS must be a comma-separated list of origins or a JSON array of strings");
                    return List.of();
                }
                origin = origin.substring(1, origin.length() - 1).strip();
            }
            if (origin.isEmpty() && !json) {
                continue;
            }
            String trimmed = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
            if (!ORIGIN.matcher(trimmed).matches()) {
                errors.add("CORS_ORIGINS entries must be origins like https://app.example.com or"
                        + " https://*.example.com: " + quote(origin));
                return List.of();
            }
            origins.add(trimmed);
        }
        return List.copyOf(origins);
    }

    private static void otlpEndpoint(Map<String, String> env, List<String> errors) {
        String raw = value(env, "OTEL_EXPORTER_OTLP_ENDPOINT");
        if (raw == null) {
            return;
        }
        try {
            java.net.URI uri = new java.net.URI(raw);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        errors.add("OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL: " + quote(raw));
    }

    private static List<String> trustedProxies(Map<String, String> env, List<String> errors) {
        String raw = value(env, "TRUSTED_PROXIES");
        if (raw == null) {
            return List.of();
        }
        List<String> proxies = new ArrayList<>();
        for (String item : raw.split(",", -1)) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (!isIpOrCidr(entry)) {
                errors.add("TRUSTED_PROXIES must be comma-separated IP addresses or CIDRs (10.0.0.0/8, ::1): "
                        + quote(entry));
                return List.of();
            }
            proxies.add(entry);
        }
        return List.copyOf(proxies);
    }

    static boolean isIpOrCidr(String entry) {
        return ClientAddress.isIpOrCidr(entry);
    }

    /** A variable's value, or null when unset or blank (an empty variable means "use the default"). */
    private static @Nullable String value(Map<String, String> env, String name) {
        return blankToNull(env.get(name));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String quote(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return "\"" + shown + "\"";
    }
}
