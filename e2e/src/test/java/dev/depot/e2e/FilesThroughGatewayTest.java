package dev.depot.e2e;

import static dev.depot.e2e.GatewayUser.ok;
import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A signed-up user's folders and files through the gateway of the local stack. */
class FilesThroughGatewayTest {

    private static GatewayUser user;

    @BeforeAll
    static void signUp() throws Exception {
        user = GatewayUser.signUp("files");
    }

    private static HttpResponse<String> send(String method, String path, Object body) throws Exception {
        return user.send(method, path, body);
    }

    @Test
    void foldersAndTrashWorkThroughTheGateway() throws Exception {
        JsonNode root = ok(send("GET", "/api/folders/root", null), 200);
        assertThat(root.at("/folder/name").asString()).isEqualTo("/");
        JsonNode folder = ok(send("POST", "/api/folders", Map.of("name", "Holiday \uD83C\uDFD6")), 201);
        String id = folder.get("id").asString();
        ok(send("PATCH", "/api/folders/" + id, Map.of("name", "Holiday 2026")), 200);
        assertThat(ok(send("GET", "/api/folders/" + root.at("/folder/id").asString() + "/children", null), 200)
                        .at("/items/0/name")
                        .asString())
                .isEqualTo("Holiday 2026");
        ok(send("DELETE", "/api/folders/" + id, null), 204);
        assertThat(ok(send("GET", "/api/trash", null), 200).at("/items/0/id").asString())
                .isEqualTo(id);
        ok(send("POST", "/api/trash/" + id + "/restore", null), 200);
        assertProblem(send("POST", "/api/folders", Map.of("name", "..")), 400, "INVALID_NAME");
    }

    @Test
    void anUploadStartHandsOutATicketTheDataPlaneHonours() throws Exception {
        JsonNode started = ok(
                send("POST", "/api/files", Map.of("name", "report.pdf", "size", 2048, "mimeType", "application/pdf")),
                201);
        assertThat(started.get("uploadUrl").asString()).endsWith("/api/uploads");
        assertThat(ok(send("GET", "/api/me/usage", null), 200)
                        .get("reservedBytes")
                        .asLong())
                .isEqualTo(2048);
        assertProblem(
                send("GET", "/api/files/" + started.get("fileId").asString() + "/download-url", null),
                404,
                "FILE_NOT_FOUND");
        assertProblem(send("POST", "/api/files", Map.of("name", "huge.bin", "size", 1L << 50)), 413, "QUOTA_EXCEEDED");
    }

    @Test
    void theApiSpecIsPublic() throws Exception {
        HttpResponse<String> spec = GatewayUser.GATEWAY.get("/api/openapi.json", null);
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(GatewayUser.JSON.readTree(spec.body()).get("openapi").asString())
                .startsWith("3.1");
    }
}
