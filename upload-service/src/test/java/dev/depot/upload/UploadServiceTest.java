package dev.depot.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.ComposeContract;
import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadServiceTest {

  @LocalServerPort
  int port;

  @Test
  void tusDiscoveryNamesTheProtocolVersion() throws Exception {
    ServiceClient client = new ServiceClient(port);
    HttpResponse<String> response = client.send(client.request("/api/uploads/", null)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Tus-Version")).hasValue("1.0.0");
    assertThat(response.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
  }

  @Test
  void readinessIncludesTheBucket() throws Exception {
    assertThat(new ServiceClient(port).get("/actuator/health", null).body())
        .contains("\"status\":\"UP\"");
  }

  @Test
  void composeAndConfigurationAgree() {
    assertThat(ComposeContract.check(ComposeContract.composeFile(), "upload-service",
        getClass().getClassLoader())).isEmpty();
  }
}
