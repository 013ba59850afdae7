package dev.depot.metadata.upload;

import static dev.depot.metadata.WebSlice.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.WebSlice;
import dev.depot.metadata.account.AccountDirectory;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Upload starts ({@code POST /api/files}, {@code POST /api/files/{id}/versions}) refused. */
class UploadControllerSliceTest {

    private final UploadService uploads = mock(UploadService.class);
    private final WebSlice web = WebSlice.of(new UploadController(uploads, mock(AccountDirectory.class)));

    @Test
    void anUploadDeclaresItsNameAndSize() throws Exception {
        web.refusesInvalid(
                json(post("/api/files"), "{\"mimeType\":\"text/plain\"}"),
                "The request has invalid fields.",
                "name",
                "must not be null",
                "size",
                "must not be null");
        web.refusesInvalid(
                json(post("/api/files"), "{\"name\":\"a.txt\",\"size\":-1}"),
                "The request has invalid fields.",
                "size",
                "must be greater than or equal to 0");
    }

    @Test
    void aNewVersionDeclaresItsSize() throws Exception {
        web.refusesInvalid(
                json(post("/api/files/" + UUID.randomUUID() + "/versions"), "{}"),
                "The request has invalid fields.",
                "size",
                "must not be null");
    }

    @Test
    void anUploadBeyondTheQuotaIsRefusedBeforeAnyByteIsSent() throws Exception {
        UUID folder = UUID.randomUUID();
        when(uploads.start(any(), eq(folder), eq("big.iso"), any(), any()))
                .thenThrow(new DepotException(
                        MetadataProblem.QUOTA_EXCEEDED,
                        "This needs 5000 bytes but only 10 of your 100 bytes are free.",
                        Map.of("requiredBytes", 5000L, "availableBytes", 10L, "limitBytes", 100L)));
        JsonNode full = web.refuses(
                        json(
                                post("/api/files"),
                                "{\"folderId\":\"" + folder + "\",\"name\":\"big.iso\",\"size\":5000}"),
                        MetadataProblem.QUOTA_EXCEEDED,
                        "This needs 5000 bytes but only 10 of your 100 bytes are free.")
                .problem();
        assertThat(full.path("availableBytes").asLong()).isEqualTo(10);
    }

    @Test
    void aNewVersionOfAFileThatIsGoneIsNotFound() throws Exception {
        UUID file = UUID.randomUUID();
        when(uploads.startVersion(any(), eq(file), any()))
                .thenThrow(new DepotException(MetadataProblem.FILE_NOT_FOUND, "No such file."));
        web.refuses(
                json(post("/api/files/" + file + "/versions"), "{\"size\":1}"),
                MetadataProblem.FILE_NOT_FOUND,
                "No such file.");
    }
}
