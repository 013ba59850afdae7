package dev.depot.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The error paths of a web-layer slice test: each request is served (on the test's thread) inside a
 * trace of its own, as the server's observation filter would open one, and must answer a problem of
 * {@link ProblemAssertions} carrying that trace's id.
 */
public final class MockMvcProblems {

    /** The problem a request answered, and the whole response (for its headers). */
    public record Answer(JsonNode problem, MockHttpServletResponse response) {}

    private MockMvcProblems() {}

    public static Answer assertProblem(MockMvc mvc, RequestBuilder request, int status, String code) throws Exception {
        HexFormat hex = HexFormat.of();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = hex.toHexDigits(random.nextLong() | 1) + hex.toHexDigits(random.nextLong());
        MockHttpServletResponse response;
        try (Scope trace = Span.wrap(SpanContext.create(
                        traceId,
                        hex.toHexDigits(random.nextLong() | 1),
                        TraceFlags.getSampled(),
                        TraceState.getDefault()))
                .makeCurrent()) {
            response = mvc.perform(request).andReturn().getResponse();
        }
        JsonNode problem = ProblemAssertions.assertProblem(
                response.getStatus(), response.getContentType(), response.getContentAsString(), status, code);
        assertThat(problem.path("traceId").asString()).isEqualTo(traceId);
        return new Answer(problem, response);
    }
}
