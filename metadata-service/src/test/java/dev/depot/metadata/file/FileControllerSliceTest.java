package dev.depot.metadata.file;

import static dev.depot.metadata.WebSlice.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.WebSlice;
import dev.depot.metadata.trash.TrashService;
import dev.depot.metadata.tree.TreeService;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/files/{id}} refusals, as problem bodies. */
class FileControllerSliceTest {

    private final FileService files = mock(FileService.class);
    private final UUID id = UUID.randomUUID();
    private final WebSlice web =
            WebSlice.of(new FileController(files, mock(TreeService.class), mock(TrashService.class)));

    @Test
    void aCopyBeyondTheQuotaSaysWhatItNeeds() throws Exception {
        when(files.copy(any(), eq(id), any(), any(), any()))
                .thenThrow(new DepotException(
                        MetadataProblem.QUOTA_EXCEEDED,
                        "This needs 300 bytes but only 200 of your 1000 bytes" + " are free.",
                        Map.of("requiredBytes", 300L, "availableBytes", 200L, "limitBytes", 1000L)));
        JsonNode full = web.refuses(
                        json(post("/api/files/" + id + "/copy"), "{}"),
                        MetadataProblem.QUOTA_EXCEEDED,
                        "This needs 300 bytes but only 200 of your 1000 bytes are free.")
                .problem();
        assertThat(full.path("requiredBytes").asLong()).isEqualTo(300);
        assertThat(full.path("availableBytes").asLong()).isEqualTo(200);
        assertThat(full.path("limitBytes").asLong()).isEqualTo(1000);
    }

    @Test
    void aChangeNeedsABodyAndKnownPolicies() throws Exception {
        web.refuses(patch("/api/files/" + id).contentType("application/json"), CommonProblem.MALFORMED_REQUEST);
        web.refuses(
                json(post("/api/files/" + id + "/copy"), "{\"onConflict\":\"overwrite\"}"),
                CommonProblem.MALFORMED_REQUEST);
    }

    @Test
    void versionsAreNamedByUuid() throws Exception {
        web.refuses(post("/api/files/" + id + "/versions/3/restore"), CommonProblem.MALFORMED_REQUEST);
    }

    @Test
    void revertingToAVersionTheFileDoesNotHaveIsNotFound() throws Exception {
        UUID version = UUID.randomUUID();
        when(files.revert(any(), eq(id), eq(version)))
                .thenThrow(new DepotException(MetadataProblem.VERSION_NOT_FOUND, "This file has no such version."));
        web.refuses(
                post("/api/files/" + id + "/versions/" + version + "/restore"),
                MetadataProblem.VERSION_NOT_FOUND,
                "This file has no such version.");
    }

    @Test
    void theCurrentVersionCannotBeDeleted() throws Exception {
        UUID version = UUID.randomUUID();
        doThrow(new DepotException(
                        MetadataProblem.CURRENT_VERSION,
                        "The current version cannot be deleted; revert to another one first."))
                .when(files)
                .deleteVersion(any(), eq(id), eq(version));
        web.refuses(
                delete("/api/files/" + id + "/versions/" + version),
                MetadataProblem.CURRENT_VERSION,
                "The current version cannot be deleted; revert to another one first.");
    }
}
