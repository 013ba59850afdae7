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
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("code").asString()).isEqualTo(code);
    assertThat(body.path("type").asString()).startsWith("https://depot.dev/problems/");
    assertThat(body.path("title").asString()).isNotBlank();
    assertThat(body.path("traceId").asString()).matches("[0-9a-f]{32}");
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "at dev.depot", "at org.");
    return body;
  }
}
