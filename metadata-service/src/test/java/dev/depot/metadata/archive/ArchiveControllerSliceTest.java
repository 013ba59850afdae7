package dev.depot.metadata.archive;

import static dev.depot.metadata.WebSlice.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.WebSlice;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/archives} refusals, as problem bodies. */
class ArchiveControllerSliceTest {

    private final ArchiveService archives = mock(ArchiveService.class);
    private final WebSlice web = WebSlice.of(new ArchiveController(archives));

    @Test
    void anArchiveSelectsAtLeastOneItem() throws Exception {
        web.refusesInvalid(
                json(post("/api/archives"), "{\"items\":[]}"),
                "The request has invalid fields.",
                "items",
                "must not be empty");
        web.refusesInvalid(
                json(post("/api/archives"), "{\"items\":[null]}"),
                "The request has invalid fields.",
                "items[0]",
                "must not be null");
        web.refuses(json(post("/api/archives"), "{\"items\":[\"a\"]}"), CommonProblem.MALFORMED_REQUEST);
    }

    @Test
    void aSelectionTooLargeSaysByHowMuch() throws Exception {
        when(archives.request(any(), anyList(), any()))
                .thenThrow(new DepotException(
                        MetadataProblem.ARCHIVE_TOO_LARGE,
                        "An archive holds at most 2 files and folders and" + " 100 bytes; this selection has 3 and 40.",
                        Map.of("entries", 3, "totalBytes", 40L, "maxEntries", 2, "maxBytes", 100L)));
        JsonNode tooLarge = web.refuses(
                        json(post("/api/archives"), "{\"items\":[\"" + UUID.randomUUID() + "\"]}"),
                        MetadataProblem.ARCHIVE_TOO_LARGE,
                        "An archive holds at most 2 files and folders" + " and 100 bytes; this selection has 3 and 40.")
                .problem();
        assertThat(tooLarge.path("entries").asInt()).isEqualTo(3);
        assertThat(tooLarge.path("maxEntries").asInt()).isEqualTo(2);
        assertThat(tooLarge.path("maxBytes").asLong()).isEqualTo(100);
    }

    @Test
    void anArchiveGoneOrSomeoneElsesIsNotFound() throws Exception {
        UUID id = UUID.randomUUID();
        when(archives.describe(any(), eq(id)))
                .thenThrow(new DepotException(MetadataProblem.ARCHIVE_NOT_FOUND, "No such archive."));
        web.refuses(get("/api/archives/" + id), MetadataProblem.ARCHIVE_NOT_FOUND, "No such archive.");
    }

    @Test
    void aListingCursorComesFromThePageBefore() throws Exception {
        web.refuses(
                get("/api/archives?cursor=!!"),
                MetadataProblem.INVALID_CURSOR,
                "This cursor does not belong to this listing; start again without one.");
    }
}
