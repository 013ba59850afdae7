package dev.depot.gateway.logging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace of a request, read from its observation. Reactive context propagation is limited to
 * explicit operators in the gateway (restoring thread-locals around every operator cost more than
 * the rest of the gateway), so log events and problem bodies are given the ids from here rather
 * than finding them in a thread-local.
 */
public final class RequestTrace {

    private RequestTrace() {}

    /** The request's trace context, or {@code null} when it is not traced. */
    public static TraceContext of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context)
                .orElse(null);
    }
}
