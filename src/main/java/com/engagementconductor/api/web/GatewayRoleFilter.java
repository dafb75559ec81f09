package com.engagementconductor.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a {@code CONDUCTOR_ROLE=gateway} node the HTTP port serves only health, metrics and Prometheus; every other
 * path is 404 {@code not_found} (contracts §1). On the other roles it lets everything through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GatewayRoleFilter extends OncePerRequestFilter {
    private static final Set<String> SERVED =
            Set.of("/health", "/health/ready", "/health/detailed", "/metrics", "/actuator/prometheus");

    private final boolean gateway;

    GatewayRoleFilter(@Value("${conductor.role:all}") String role) {
        this.gateway = "gateway".equals(role);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !gateway;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (SERVED.contains(path)) {
            chain.doFilter(req, res);
            return;
        }
        res.setStatus(404);
        res.setContentType("application/problem+json");
        res.getOutputStream()
                .write(("{\"type\":\"urn:engagement-conductor:problem:not_found\",\"title\":\"Not found\","
                                + "\"status\":404,\"detail\":\"a gateway node serves only health and metrics on this port\","
                                + "\"instance\":\"" + path.replace("\\", "%5C").replace("\"", "%22")
                                + "\",\"code\":\"not_found\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
