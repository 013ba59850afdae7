package dev.depot.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One access-log event per request (method, path, status, duration) carrying the trace id, so a
 * request can be followed from the gateway into each service. Health and metrics polls are left
 * out; query strings are never logged (they may hold tickets).
 */
public class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger("depot.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            LOG.info(
                    "{} {} {} {}ms",
                    request.getMethod(),
                    AccessLog.redact(request.getRequestURI()),
                    response.getStatus(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator");
    }
}
