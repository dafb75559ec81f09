package com.engagementconductor.api.web;

import com.engagementconductor.api.ratelimit.LimitClass;
import com.engagementconductor.api.ratelimit.RateLimiter;
import com.engagementconductor.api.ratelimit.Verdict;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.shared.auth.TokenRejected;
import com.engagementconductor.shared.auth.Tokens;
import com.engagementconductor.shared.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rate limiting of {@code /api/v1} (contracts §6), before authentication so that requests answered 401 consume
 * their IP's bucket. Runs after Spring's CORS interceptor, so a 429 carries the CORS headers. Preflights are not
 * limited.
 */
class RateLimitInterceptor implements HandlerInterceptor {
    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private final RateLimiter limiter;
    private final Tokens tokens;
    private final ClientAddress clientAddress;

    RateLimitInterceptor(RateLimiter limiter, Tokens tokens, ClientAddress clientAddress) {
        this.limiter = limiter;
        this.tokens = tokens;
        this.clientAddress = clientAddress;
    }

    @Override
    public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Optional<LimitClass> limitClass = LimitClass.of(req.getMethod(), path);
        if (limitClass.isEmpty()) {
            return true;
        }
        String key = subject(req).orElseGet(() -> clientAddress.of(req));
        Verdict verdict = limiter.consume(limitClass.get(), key);
        res.setHeader(LIMIT, Long.toString(verdict.limit()));
        res.setHeader(REMAINING, Long.toString(verdict.remaining()));
        res.setHeader(RESET, Long.toString(verdict.resetSeconds()));
        if (!verdict.allowed()) {
            throw new RateLimited(verdict.retryAfterSeconds());
        }
        return true;
    }

    /** The {@code sub} of a valid token; an absent or invalid one leaves the request to its client IP. */
    private Optional<String> subject(HttpServletRequest req) {
        String authorization = req.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Optional.empty();
        }
        try {
            Caller caller = tokens.verify(authorization);
            req.setAttribute(AuthInterceptor.CALLER, caller); // verified once: authentication reuses it
            return Optional.of(caller.subject());
        } catch (TokenRejected e) {
            return Optional.empty();
        }
    }

    /** A request over its bucket; answered 429 {@code rate_limited} by {@link ProblemAdvice}. */
    static final class RateLimited extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super("too many requests; retry after " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
