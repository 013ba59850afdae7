package dev.depot.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.OpenApiSpecs;
import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The hand-kept {@code openapi/upload-service.yaml} describes the tus endpoint as the running
 * service has it: the operations its controllers map, and the protocol version, extensions and
 * checksum algorithms it announces.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDescriptionTest {

    @LocalServerPort
    int port;

    @Test
    void describesTheOperationsAndCapabilitiesOfTheService(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings)
            throws Exception {
        Map<String, Object> description =
                OpenApiSpecs.assertDescribesMappings("upload-service.yaml", mappings, "dev.depot.upload");
        ServiceClient client = new ServiceClient(port);
        HttpResponse<String> options = client.send(
                client.request("/api/uploads", null).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.statusCode()).isEqualTo(204);
        for (String header : new String[] {"Tus-Extension", "Tus-Checksum-Algorithm"}) {
            assertThat(options.headers().firstValue(header))
                    .as(header)
                    .hasValue(String.valueOf(OpenApiSpecs.at(
                            description,
                            "components",
                            "responses",
                            "Capabilities",
                            "headers",
                            header,
                            "schema",
                            "const")));
        }
        String version =
                String.valueOf(OpenApiSpecs.at(description, "components", "headers", "TusVersion", "schema", "const"));
        assertThat(options.headers().firstValue("Tus-Version")).hasValue(version);
        assertThat(options.headers().firstValue("Tus-Resumable")).hasValue(version);
    }
}
