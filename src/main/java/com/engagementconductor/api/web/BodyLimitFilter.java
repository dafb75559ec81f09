package com.engagementconductor.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Limits request bodies to 1 MiB (413 {@code payload_too_large}), whether or not a Content-Length is sent. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimitFilter extends OncePerRequestFilter {
    static final long LIMIT = 1024 * 1024;

    /** Raised when a body without a declared length passes the limit. */
    static final class PayloadTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        PayloadTooLarge() {
            super("request body over 1 MiB");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        if (req.getContentLengthLong() > LIMIT) {
            res.setStatus(413);
            res.setContentType("application/problem+json");
            res.getOutputStream()
                    .write(
                            ("{\"type\":\"urn:engagement-conductor:problem:payload_too_large\",\"title\":\"Payload too large\","
                                            + "\"status\":413,\"detail\":\"request bodies are limited to 1 MiB\",\"instance\":\""
                                            + req.getRequestURI().replace("\"", "%22")
                                            + "\",\"code\":\"payload_too_large\"}")
                                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new LimitedRequest(req), res);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > LIMIT) {
                            throw new PayloadTooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (read += n) > LIMIT) {
                            throw new PayloadTooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
