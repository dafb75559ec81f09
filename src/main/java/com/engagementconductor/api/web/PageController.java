package com.engagementconductor.api.web;

import com.engagementconductor.realtime.RealtimeGateway;
import com.engagementconductor.shared.Ids;
import com.engagementconductor.shared.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The web pages' server side (contracts §1): the dashboard's page config, which tells the browser where the
 * Socket.IO server is, and the attendee page of a session. Neither needs a token.
 */
@Controller
class PageController {
    static final String SOCKET_PATH = "/socket.io";
    static final String NAMESPACE = "/events";
    static final String API_BASE = "/api/v1";

    private final ClientAddress proxies;
    private final int socketPort;
    private final String version;
    private final ObjectProvider<RealtimeGateway> gateway;

    PageController(
            ClientAddress proxies,
            @Value("${conductor.realtime.port:3002}") int socketPort,
            @Value("${conductor.version:1.0.0}") String version,
            ObjectProvider<RealtimeGateway> gateway) {
        this.proxies = proxies;
        this.socketPort = socketPort;
        this.version = version;
        this.gateway = gateway;
    }

    /** {@code GET /dashboard/config.json}: the Socket.IO URL on the host the browser used, with SOCKET_PORT. */
    @GetMapping(path = "/dashboard/config.json", produces = "application/json")
    ResponseEntity<Map<String, Object>> config(HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("socketUrl", socketUrl(request));
        body.put("socketPath", SOCKET_PATH);
        body.put("namespace", NAMESPACE);
        body.put("apiBase", API_BASE);
        body.put("version", version);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /**
     * {@code GET /attend/{sessionId}}: the attendee page for a valid session id (contracts §0 rule 5). Any other
     * path under {@code /attend/} is left to the static resources, which answer 404 {@code not_found} unless it
     * names one of the page's own files ({@code index.html}, its scripts): those contain a dot, which no session id
     * does.
     */
    @GetMapping({"/attend/{sessionId:[A-Za-z0-9_-]{1,100}}", "/attend/{sessionId:[A-Za-z0-9_-]{1,100}}/"})
    String attend(@PathVariable String sessionId) {
        Ids.require("session_id", sessionId);
        return "forward:/attend/index.html";
    }

    String socketUrl(HttpServletRequest request) {
        boolean forwarded = proxies.isTrusted(request.getRemoteAddr());
        String scheme = forwarded ? first(request.getHeader("X-Forwarded-Proto")) : null;
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            scheme = request.getScheme();
        }
        String host = forwarded ? hostOnly(first(request.getHeader("X-Forwarded-Host"))) : null;
        if (host == null) {
            host = hostOnly(request.getHeader("Host"));
        }
        if (host == null) {
            host = hostOnly(request.getServerName());
        }
        return scheme.toLowerCase(Locale.ROOT) + "://" + (host == null ? "localhost" : host) + ":" + port();
    }

    private int port() {
        if (socketPort != 0) {
            return socketPort;
        }
        RealtimeGateway g = gateway.getIfAvailable();
        try {
            return g == null ? socketPort : g.port();
        } catch (IllegalStateException notRunning) {
            return socketPort;
        }
    }

    /** The first entry of a comma-separated forwarded header (the client-facing hop). */
    private static @Nullable String first(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String value = header.split(",", 2)[0].strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * A Host value without its port ({@code [::1]:8003} → {@code [::1]}), or null when it is not a plain host name
     * or IP literal, so nothing from a header reaches the page that is not a host.
     */
    static @Nullable String hostOnly(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                return null;
            }
            String inner = v.substring(1, close);
            return inner.matches("[0-9A-Fa-f:.]+") ? "[" + inner + "]" : null;
        }
        int colon = v.indexOf(':');
        if (colon >= 0 && colon == v.lastIndexOf(':')) {
            v = v.substring(0, colon);
        } else if (colon >= 0) {
            return v.matches("[0-9A-Fa-f:.]+") ? "[" + v + "]" : null;
        }
        return v.matches("[A-Za-z0-9.-]{1,253}") ? v.toLowerCase(Locale.ROOT) : null;
    }
}
