package dev.depot.e2e;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.ServiceClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The services behind the gateway in the local run: nothing but the gateway (and the edge) listens
 * beyond loopback, and each service refuses an ended session by itself.
 */
class BackendsBehindTheGatewayTest {

    private static final Map<String, Integer> BACKENDS = Map.of(
            "auth-service",
            8081,
            "metadata-service",
            8082,
            "upload-service",
            8083,
            "download-service",
            8084,
            "transcode-worker",
            8085);
    private static final List<String> LOOPBACK =
            List.of("0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000");

    @Test
    void onlyTheGatewayListensBeyondLoopback() throws IOException {
        Map<Integer, List<String>> listening = listening();
        BACKENDS.forEach((name, port) ->
                assertThat(listening.get(port)).as(name).isNotEmpty().allMatch(LOOPBACK::contains));
        assertThat(listening.get(8080))
                .as("gateway-service")
                .isNotEmpty()
                .anyMatch(address -> !LOOPBACK.contains(address));
    }

    @Test
    void aSignedOutTokenIsRefusedByTheServicesAskedDirectly() throws Exception {
        GatewayUser user = GatewayUser.signUp("direct");
        String token = user.accessToken();
        ServiceClient metadata = new ServiceClient(BACKENDS.get("metadata-service"));
        assertThat(metadata.get("/api/me", token).statusCode()).isEqualTo(200);

        assertThat(user.send("POST", "/api/auth/logout", null).statusCode()).isEqualTo(204);
        assertProblem(GatewayUser.GATEWAY.get("/api/me", token), 401, "TOKEN_REVOKED");
        // The ending is announced to every service; it arrives within moments.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        HttpResponse<String> direct = metadata.get("/api/me", token);
        while (direct.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            direct = metadata.get("/api/me", token);
        }
        assertProblem(direct, 401, "TOKEN_REVOKED");
        assertProblem(
                new ServiceClient(BACKENDS.get("auth-service")).get("/api/auth/account", token), 401, "TOKEN_REVOKED");
    }

    /** Port to the local addresses (hex, as the kernel lists them) of its listening sockets. */
    private static Map<Integer, List<String>> listening() throws IOException {
        Map<Integer, List<String>> ports = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals("0A")) {
                    String[] local = fields[1].split(":");
                    ports.computeIfAbsent(Integer.parseInt(local[1], 16), p -> new ArrayList<>())
                            .add(local[0]);
                }
            }
        }
        return ports;
    }
}
