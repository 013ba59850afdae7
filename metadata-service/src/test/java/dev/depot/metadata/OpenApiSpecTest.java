package dev.depot.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed OpenAPI spec ({@code openapi/metadata-service.json}) is what the service serves.
 * The build writes the served spec to {@code target/openapi/}; run with
 * {@code -Ddepot.openapi.update=true} to refresh the committed copy after an API change.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiSpecTest {

  private static final Path COMMITTED = Path.of("..", "openapi", "metadata-service.json");
  private static final JsonMapper PRETTY = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  @LocalServerPort
  int port;

  @Test
  void theCommittedSpecIsTheServedOne() throws Exception {
    var response = new ServiceClient(port).get("/api/openapi.json", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode served = PRETTY.readTree(response.body());
    assertThat(served.get("openapi").asString()).startsWith("3.1");
    assertThat(served.at("/paths").propertyNames()).contains("/api/folders/{id}/children",
        "/api/files", "/api/files/{id}/download-url", "/api/trash/{id}/restore",
        "/api/me/usage", "/api/search", "/api/activity");
    String generated = PRETTY.writeValueAsString(served) + "\n";
    Path written = Path.of("target", "openapi", "metadata-service.json");
    Files.createDirectories(written.getParent());
    Files.writeString(written, generated, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("depot.openapi.update")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(COMMITTED)).as("openapi/metadata-service.json is committed").isTrue();
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as("openapi/metadata-service.json differs from the served spec: run the build with"
            + " -Ddepot.openapi.update=true and commit the result")
        .isEqualTo(generated);
  }
}
