package dev.depot.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every Depot error response must be: an RFC 9457 problem with code and trace id. */
public final class ProblemAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemAssertions() {}

    public static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        return assertProblem(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body(),
                status,
                code);
    }

    /** The same for a response known by its parts, e.g. one from MockMvc. */
    public static JsonNode assertProblem(int actualStatus, String contentType, String body, int status, String code) {
        assertThat(actualStatus).as(body).isEqualTo(status);
        assertThat(contentType).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("type").asString()).startsWith("https://depot.dev/problems/");
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("traceId").asString()).matches("[0-9a-f]{32}");
        assertThat(body).doesNotContain("Exception", "\tat ", "at dev.depot", "at org.");
        return problem;
    }
}
