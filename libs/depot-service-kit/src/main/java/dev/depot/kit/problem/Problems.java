package dev.depot.kit.problem;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 bodies with the fields every Depot problem has: type, code and traceId. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(ProblemCode problem, String detail) {
        ProblemDetail body = ProblemDetail.forStatus(problem.status());
        body.setType(problem.type());
        body.setTitle(problem.title());
        body.setDetail(detail);
        body.setProperty("code", problem.code());
        String traceId = currentTraceId();
        if (traceId != null) {
            body.setProperty("traceId", traceId);
        }
        return body;
    }

    public static ProblemDetail of(DepotException e) {
        ProblemDetail body = of(e.problem(), e.getMessage());
        e.properties().forEach(body::setProperty);
        return body;
    }

    /** Gives a framework-made problem the Depot members, keeping its status and detail. */
    public static ProblemDetail enrich(ProblemDetail body) {
        CommonProblem problem = CommonProblem.forStatus(body.getStatus());
        ProblemDetail enriched =
                of(problem, problem == CommonProblem.INTERNAL ? "An internal error occurred." : body.getDetail());
        enriched.setStatus(body.getStatus());
        if (body.getProperties() != null && problem != CommonProblem.INTERNAL) {
            body.getProperties().forEach((k, v) -> {
                if (!"code".equals(k) && !"traceId".equals(k)) {
                    enriched.setProperty(k, v);
                }
            });
        }
        return enriched;
    }

    /** The W3C trace id of the current span, or null outside a traced request. */
    public static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
