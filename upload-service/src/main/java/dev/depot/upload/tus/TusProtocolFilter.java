package dev.depot.upload.tus;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every tus response carries ({@code Tus-Resumable}, and {@code Tus-Version} that a 412 must
 * name; problems included), and {@code X-HTTP-Method-Override} for clients behind proxies that only
 * pass GET and POST.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TusProtocolFilter extends OncePerRequestFilter {

    private static final Set<String> OVERRIDABLE = Set.of("PATCH", "DELETE", "HEAD");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(TusController.PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(TusHeaders.RESUMABLE, TusHeaders.VERSION);
        response.setHeader(TusHeaders.SUPPORTED_VERSIONS, TusHeaders.VERSION);
        String override = request.getHeader("X-HTTP-Method-Override");
        if ("POST".equals(request.getMethod())
                && override != null
                && OVERRIDABLE.contains(override.toUpperCase(Locale.ROOT))) {
            String method = override.toUpperCase(Locale.ROOT);
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        @Override
                        public String getMethod() {
                            return method;
                        }
                    },
                    response);
            return;
        }
        chain.doFilter(request, response);
    }
}
