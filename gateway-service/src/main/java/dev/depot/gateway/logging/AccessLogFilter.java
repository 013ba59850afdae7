package dev.depot.gateway.logging;

import dev.depot.kit.web.AccessLog;
import io.micrometer.tracing.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One access-log event per request with the trace id that the gateway passes on, so a request can
 * be followed into the services' logs. Health polls are left out; query strings never logged.
 */
@Component
public class AccessLogFilter implements WebFilter, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("depot.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            TraceContext trace = RequestTrace.of(exchange);
            try (MDC.MDCCloseable traceId = MDC.putCloseable("traceId", trace == null ? null : trace.traceId());
                    MDC.MDCCloseable spanId = MDC.putCloseable("spanId", trace == null ? null : trace.spanId())) {
                LOG.info(
                        "{} {} {} {}ms",
                        exchange.getRequest().getMethod(),
                        AccessLog.redact(path),
                        exchange.getResponse().getStatusCode() == null
                                ? 0
                                : exchange.getResponse().getStatusCode().value(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
