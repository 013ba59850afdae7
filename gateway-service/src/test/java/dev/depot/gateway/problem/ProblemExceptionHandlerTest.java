package dev.depot.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.channel.AbortedException;
import tools.jackson.databind.json.JsonMapper;

/** What the gateway answers for errors that no filter turned into a problem. */
class ProblemExceptionHandlerTest {

    private final ProblemExceptionHandler handler =
            new ProblemExceptionHandler(new ProblemWriter(JsonMapper.builder().build()));

    @Test
    void aClientThatWentAwayGetsNoAnswer() {
        MockServerWebExchange exchange = meRequest();
        handler.handle(exchange, new RuntimeException(new AbortedException("Connection has been closed")))
                .block();
        assertThat(exchange.getResponse().getStatusCode()).isNull();
        assertThat(exchange.getResponse().isCommitted()).isFalse();
    }

    @Test
    void anUnreachableBackendIsA503Problem() {
        MockServerWebExchange exchange = meRequest();
        handler.handle(exchange, new RuntimeException(new ConnectException("refused")))
                .block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"code\":\"BACKEND_UNAVAILABLE\"")
                .doesNotContain("Exception");
    }

    private static MockServerWebExchange meRequest() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/me"));
    }
}
