package dev.depot.gateway.problem;

import dev.depot.gateway.logging.RequestTrace;
import dev.depot.kit.problem.DepotException;
import dev.depot.kit.problem.ProblemCode;
import dev.depot.kit.problem.Problems;
import io.micrometer.tracing.TraceContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Answers an exchange with an RFC 9457 problem; used wherever the gateway refuses a request. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemCode problem, String detail) {
        return write(exchange, Problems.of(problem, detail));
    }

    /** A refusal with its extra members; a {@code retryAfter} one also becomes the Retry-After header. */
    public Mono<Void> write(ServerWebExchange exchange, DepotException refusal) {
        return write(exchange, Problems.of(refusal));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail body) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        TraceContext trace = RequestTrace.of(exchange);
        if (trace != null) {
            body.setProperty("traceId", trace.traceId());
        }
        if (body.getProperties() != null
                && body.getProperties().get(DepotException.RETRY_AFTER) instanceof Number seconds) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
        }
        response.setRawStatusCode(body.getStatus());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = json.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
