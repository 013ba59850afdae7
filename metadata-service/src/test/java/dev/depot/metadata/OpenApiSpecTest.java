package dev.depot.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.OpenApiSpecs;
import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The committed OpenAPI spec ({@code openapi/metadata-service.json}) is what the service serves.
 * The build writes the served spec to {@code target/openapi/}; run with {@code
 * -Ddepot.openapi.update=true} to refresh the committed copy after an API change.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiSpecTest {

    @LocalServerPort
    int port;

    @Test
    void theCommittedSpecIsTheServedOne() throws Exception {
        JsonNode served = OpenApiSpecs.assertServedIsCommitted(
                new ServiceClient(port).get("/api/openapi.json", null), "metadata-service.json");
        assertThat(served.at("/paths").propertyNames())
                .contains(
                        "/api/folders/{id}/children",
                        "/api/files",
                        "/api/files/{id}/download-url",
                        "/api/trash/{id}/restore",
                        "/api/me/usage",
                        "/api/search",
                        "/api/activity");
    }
}
