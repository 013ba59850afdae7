package dev.depot.gateway.limits;

import dev.depot.gateway.GatewayProperties;
import dev.depot.gateway.problem.ProblemWriter;
import dev.depot.kit.problem.CommonProblem;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Control-plane requests carry small JSON bodies: anything above the limit is refused with a 413
 * problem — at once when Content-Length says so, or as soon as a chunked body grows past it.
 * Data-plane paths (tus uploads) are exempt; their size is bounded by the upload ticket.
 */
@Component
public class RequestSizeFilter implements GlobalFilter, Ordered {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long limit;
    private final List<String> exempt;
    private final ProblemWriter problems;

    public RequestSizeFilter(GatewayProperties properties, ProblemWriter problems) {
        this.limit = properties.maxControlRequestSize().toBytes();
        this.exempt = properties.dataPlanePaths();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (exempt.stream().anyMatch(p -> PATHS.match(p, path))) {
            return chain.filter(exchange);
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(
                    exchange,
                    CommonProblem.PAYLOAD_TOO_LARGE,
                    "Request bodies on this path are limited to " + limit + " bytes.");
        }
        ServerHttpRequest bounded = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = {0};
                return super.getBody().doOnNext(buffer -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > limit) {
                        throw new ResponseStatusException(
                                CommonProblem.PAYLOAD_TOO_LARGE.status(),
                                "Request bodies on this path are limited to " + limit + " bytes.");
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(bounded).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
