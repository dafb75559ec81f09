package com.engagementconductor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC connection settings derived from {@code DATABASE_URL} (contracts §2), or the embedded H2 file
 * database when it is unset. Error messages name {@code DATABASE_URL} and never contain the password.
 */
public record DatabaseUrl(String jdbcUrl, @Nullable String username, @Nullable String password) {

    /** H2 options that make the PostgreSQL-flavoured migrations and queries run unchanged. */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static final String FORMS = "DATABASE_URL must look like postgresql://user:password@host:5432/database"
            + " (or postgres://…, or jdbc:postgresql://host:5432/database?user=…&password=…)";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._~%-]+|\\[[0-9A-Fa-f:.%A-Za-z]+]");
    private static final Pattern DATABASE = Pattern.compile("[^/?#@\\s]*");

    /** Parses a {@code DATABASE_URL} value; {@link IllegalArgumentException} names the variable, not the secret. */
    public static DatabaseUrl parse(String value) {
        String url = value.strip();
        String rest = stripScheme(url);
        int queryStart = rest.indexOf('?');
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        int at = beforeQuery.lastIndexOf('@');
        String userInfo = at < 0 ? null : beforeQuery.substring(0, at);
        String location = beforeQuery.substring(at + 1);
        int slash = location.indexOf('/');
        String hosts = slash < 0 ? location : location.substring(0, slash);
        String database = slash < 0 ? "" : location.substring(slash + 1);
        validateHosts(hosts);
        if (!DATABASE.matcher(database).matches()) {
            throw invalid("the database name is not valid");
        }
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = parameter.indexOf('=');
            String key = eq < 0 ? parameter : parameter.substring(0, eq);
            String raw = eq < 0 ? "" : parameter.substring(eq + 1);
            if (key.equals("user")) {
                user = user != null ? user : decode(raw, "user name");
            } else if (key.equals("password")) {
                password = password != null ? password : decode(raw, "password");
            } else if (!parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        String jdbcUrl =
                "jdbc:postgresql://" + hosts + "/" + database + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new DatabaseUrl(jdbcUrl, emptyToNull(user), password);
    }

    /** The embedded H2 file database {@code <dataDir>/conductor} in PostgreSQL compatibility mode. */
    public static DatabaseUrl embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath()
                .normalize()
                .resolve("conductor")
                .toString()
                .replace('\\', '/');
        return new DatabaseUrl("jdbc:h2:file:" + file + H2_OPTIONS, "sa", "");
    }

    /** True for PostgreSQL, false for the embedded H2 database. */
    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password="
                + (password == null ? "null" : "****") + "]";
    }

    private static String stripScheme(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (String scheme : List.of("jdbc:postgresql://", "postgresql://", "postgres://")) {
            if (lower.startsWith(scheme)) {
                return url.substring(scheme.length());
            }
        }
        throw invalid("unsupported scheme");
    }

    private static void validateHosts(String hosts) {
        if (hosts.isEmpty()) {
            throw invalid("the host is missing");
        }
        for (String hostPort : hosts.split(",", -1)) {
            int portColon =
                    hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.indexOf(':');
            String host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
            if (!HOST.matcher(host).matches()) {
                throw invalid("the host is missing or not valid");
            }
            if (portColon >= 0) {
                validatePort(hostPort.substring(portColon + 1));
            }
        }
    }

    private static void validatePort(String port) {
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw invalid("the port must be a number between 1 and 65535");
        }
    }

    /** RFC 3986 percent-decoding as UTF-8; unlike {@code URLDecoder}, '+' stays '+'. */
    private static String decode(String encoded, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < encoded.length()) {
            if (encoded.charAt(i) == '%') {
                if (i + 2 >= encoded.length()
                        || Character.digit(encoded.charAt(i + 1), 16) < 0
                        || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                    throw invalid("the " + what + " has an invalid percent-encoding");
                }
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int next = encoded.indexOf('%', i);
                int end = next < 0 ? encoded.length() : next;
                byte[] literal = encoded.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(literal, 0, literal.length);
                i = end;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("the " + what + " is not UTF-8 once percent-decoded");
        }
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException(FORMS + ": " + reason);
    }
}
