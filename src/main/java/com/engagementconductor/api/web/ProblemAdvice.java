package com.engagementconductor.api.web;

import com.engagementconductor.agent.AgentProblems;
import com.engagementconductor.agent.DecisionNotPending;
import com.engagementconductor.api.ApiProblem;
import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.auth.TokenRejected;
import com.engagementconductor.signals.SessionProblems.SessionConflict;
import com.engagementconductor.signals.SessionProblems.SessionNotFound;
import com.engagementconductor.signals.SessionProblems.SessionNotLive;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure to an RFC 9457 problem with a stable code (contracts §5); bad input is never a 500. */
@RestControllerAdvice
class ProblemAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e, HttpServletRequest req) {
        return Problems.of(e.status(), e.code(), e.getMessage(), req.getRequestURI(), e.members(), null);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest req) {
        List<Map<String, String>> errors = e.errors().stream()
                .map(f -> Map.of("field", f.field(), "message", f.message()))
                .toList();
        String detail = e.errors().isEmpty()
                ? "invalid input"
                : e.errors().get(0).field() + " " + e.errors().get(0).message()
                        + (e.errors().size() > 1 ? " (and " + (e.errors().size() - 1) + " more)" : "");
        return Problems.of(HttpStatus.BAD_REQUEST, "validation_failed", detail, req.getRequestURI(), Map.of(), errors);
    }

    @ExceptionHandler(TokenRejected.class)
    ResponseEntity<ProblemDetail> token(TokenRejected e, HttpServletRequest req) {
        String code = e.reason() == TokenRejected.Reason.MISSING
                ? "unauthenticated"
                : e.reason().code();
        String detail =
                switch (e.reason()) {
                    case MISSING -> "an Authorization: Bearer token is required";
                    case EXPIRED -> "the token has expired";
                    case INVALID -> "the token is invalid: " + e.getMessage();
                };
        return Problems.of(HttpStatus.UNAUTHORIZED, code, detail, req.getRequestURI(), Map.of(), null);
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDenied e, HttpServletRequest req) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), req.getRequestURI(), Map.of(), null);
    }

    @ExceptionHandler(SessionNotFound.class)
    ResponseEntity<ProblemDetail> sessionNotFound(SessionNotFound e, HttpServletRequest req) {
        return Problems.of(
                HttpStatus.NOT_FOUND, "session_not_found", e.getMessage(), req.getRequestURI(), Map.of(), null);
    }

    @ExceptionHandler(SessionNotLive.class)
    ResponseEntity<ProblemDetail> sessionNotLive(SessionNotLive e, HttpServletRequest req) {
        return Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "session_not_live",
                e.getMessage(),
                req.getRequestURI(),
                Map.of(),
                null);
    }

    @ExceptionHandler(SessionConflict.class)
    ResponseEntity<ProblemDetail> sessionConflict(SessionConflict e, HttpServletRequest req) {
        return Problems.of(
                HttpStatus.CONFLICT, "session_conflict", e.getMessage(), req.getRequestURI(), Map.of(), null);
    }

    @ExceptionHandler(AgentProblems.DecisionNotFound.class)
    ResponseEntity<ProblemDetail> decisionNotFound(AgentProblems.DecisionNotFound e, HttpServletRequest req) {
        return Problems.of(
                HttpStatus.NOT_FOUND, "decision_not_found", e.getMessage(), req.getRequestURI(), Map.of(), null);
    }

    @ExceptionHandler(DecisionNotPending.class)
    ResponseEntity<ProblemDetail> decisionNotPending(DecisionNotPending e, HttpServletRequest req) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "decision_not_pending",
                e.getMessage(),
                req.getRequestURI(),
                Map.of("state", e.state().name()),
                null);
    }

    @ExceptionHandler(AgentProblems.InterventionBlocked.class)
    ResponseEntity<ProblemDetail> blocked(AgentProblems.InterventionBlocked e, HttpServletRequest req) {
        Map<String, Object> members = new java.util.LinkedHashMap<>();
        members.put("reason", e.reason());
        if (e.retryAfter() != null) {
            members.put("retryAfter", e.retryAfter());
        }
        return Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "intervention_blocked",
                e.getMessage(),
                req.getRequestURI(),
                members,
                null);
    }

    @ExceptionHandler(RateLimitInterceptor.RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitInterceptor.RateLimited e, HttpServletRequest req) {
        ResponseEntity<ProblemDetail> r = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate_limited",
                e.getMessage(),
                req.getRequestURI(),
                Map.of("retryAfter", e.retryAfterSeconds()),
                null);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(r.getHeaders());
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        return new ResponseEntity<>(r.getBody(), headers, r.getStatusCode());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitFilter.PayloadTooLarge) {
                return tooLarge(req);
            }
        }
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed_json",
                "the request body is not valid JSON",
                req.getRequestURI(),
                Map.of(),
                null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) {
        return invalid(InvalidInput.of(e.getName(), "has an invalid value"), req);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest req) {
        return invalid(InvalidInput.of(e.getParameterName(), "is required"), req);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest req) {
        return Problems.of(HttpStatus.NOT_FOUND, "not_found", "no such resource", req.getRequestURI(), Map.of(), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest req) {
        ResponseEntity<ProblemDetail> r = Problems.of(
                HttpStatus.METHOD_NOT_ALLOWED,
                "method_not_allowed",
                req.getMethod() + " is not allowed here",
                req.getRequestURI(),
                Map.of(),
                null);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(r.getHeaders());
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(r.getBody(), headers, r.getStatusCode());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
        return Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "the body must be application/json",
                req.getRequestURI(),
                Map.of(),
                null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest req) {
        return invalid(InvalidInput.of("Accept", "no acceptable representation"), req);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internal(Exception e, HttpServletRequest req) {
        String errorId = UUID.randomUUID().toString();
        log.error("internal error {} on {} {}", errorId, req.getMethod(), req.getRequestURI(), e);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "an unexpected error occurred; quote error_id when reporting it",
                req.getRequestURI(),
                Map.of("error_id", errorId),
                null);
    }

    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest req) {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload_too_large",
                "request bodies are limited to 1 MiB",
                req.getRequestURI(),
                Map.of(),
                null);
    }
}
