package dev.depot.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.ComposeContract;
import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
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
    void readinessIncludesTheBucket() throws Exception {
        assertThat(new ServiceClient(port).get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
    }

    @Test
    void composeAndConfigurationAgree() {
        assertThat(ComposeContract.check(
                        ComposeContract.composeFile(),
                        "upload-service",
                        getClass().getClassLoader()))
                .isEmpty();
    }
}
