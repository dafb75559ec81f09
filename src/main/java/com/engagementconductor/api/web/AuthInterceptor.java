package com.engagementconductor.api.web;

import com.engagementconductor.api.Access;
import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.shared.auth.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates {@code /api/v1} requests from the Bearer token (401) and checks the handler's {@link Access}
 * level (403), before parameters and bodies are read, so the order of checks of contracts §3.5 holds.
 */
class AuthInterceptor implements HandlerInterceptor {
    static final String CALLER = AuthInterceptor.class.getName() + ".caller";

    private final Tokens tokens;

    AuthInterceptor(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
        if (!(handler instanceof HandlerMethod method) || "OPTIONS".equals(req.getMethod())) {
            return true;
        }
        Access access = method.getMethodAnnotation(Access.class);
        if (access == null) {
            throw new IllegalStateException("handler without @Access: " + method);
        }
        Caller caller = req.getAttribute(CALLER) instanceof Caller verified
                ? verified // the rate limiter already verified this request's token
                : tokens.verify(req.getHeader(HttpHeaders.AUTHORIZATION));
        req.setAttribute(CALLER, caller);
        boolean allowed =
                switch (access.value()) {
                    case AUTHENTICATED -> true;
                    case READ -> caller.mayRead();
                    case WRITE -> caller.mayWrite();
                };
        if (!allowed) {
            throw new AccessDenied(
                    caller.attendee() ? "attendee tokens cannot use this endpoint" : "the token lacks the permission");
        }
        return true;
    }
}
