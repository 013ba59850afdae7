package dev.depot.transcode;

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
class TranscodeWorkerTest {

    @LocalServerPort
    int port;

    @Test
    void healthReportsTheBucketReachable() throws Exception {
        ServiceClient client = new ServiceClient(port);
        assertThat(client.get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
        assertThat(client.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void composeAndConfigurationAgree() {
        assertThat(ComposeContract.check(
                        ComposeContract.composeFile(),
                        "transcode-worker",
                        getClass().getClassLoader()))
                .isEmpty();
    }
}
