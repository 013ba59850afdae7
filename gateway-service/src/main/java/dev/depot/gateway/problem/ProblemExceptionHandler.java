package dev.depot.gateway.problem;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.Problems;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * The last word on any error in the gateway: an unreachable backend is a 503 problem, a slow one a
 * 504, framework statuses keep their status, anything else is a bare 500. Never a stack trace. A
 * client that closed its connection is not an error: there is nobody left to answer.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter writer;

    public ProblemExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (causedBy(error, AbortedException.class)) {
            LOG.debug(
                    "client went away during {}",
                    exchange.getRequest().getPath().value());
            return Mono.empty();
        }
        return writer.write(exchange, toProblem(exchange, error));
    }

    private static ProblemDetail toProblem(ServerWebExchange exchange, Throwable error) {
        String path = exchange.getRequest().getPath().value();
        if (causedBy(error, ConnectException.class, ConnectTimeoutException.class, UnknownHostException.class)) {
            LOG.warn("backend unreachable for {}: {}", path, error.toString());
            return Problems.of(
                    CommonProblem.BACKEND_UNAVAILABLE,
                    "The service behind this path is unavailable. Try again shortly.");
        }
        if (causedBy(error, TimeoutException.class, ReadTimeoutException.class)) {
            LOG.warn("backend timed out for {}: {}", path, error.toString());
            return Problems.of(CommonProblem.BACKEND_TIMEOUT, "The service did not answer in time.");
        }
        if (error instanceof ResponseStatusException rse && rse.getStatusCode().value() < 500) {
            int status = rse.getStatusCode().value();
            CommonProblem problem = CommonProblem.forStatus(status);
            ProblemDetail body =
                    Problems.of(problem, rse.getReason() != null ? rse.getReason() : problem.title() + ".");
            body.setStatus(status);
            return body;
        }
        if (error instanceof ResponseStatusException rse && rse.getStatusCode().value() == 503) {
            return Problems.of(
                    CommonProblem.BACKEND_UNAVAILABLE,
                    "The service behind this path is unavailable. Try again shortly.");
        }
        LOG.error("unhandled error for {}", path, error);
        return Problems.of(CommonProblem.INTERNAL, "An internal error occurred.");
    }

    @SafeVarargs
    private static boolean causedBy(Throwable error, Class<? extends Throwable>... types) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }
}
