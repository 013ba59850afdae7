package dev.depot.metadata.search;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.WebSlice;
import dev.depot.metadata.access.AccessPolicy;
import dev.depot.metadata.access.Action;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.TreeService;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/search} refusals: the query and its filters are checked before any search. */
class SearchControllerSliceTest {

    private final TreeService tree = mock(TreeService.class);
    private final WebSlice web =
            WebSlice.of(new SearchController(mock(SearchRepository.class), mock(AccessPolicy.class), tree));

    @Test
    void aSearchNeedsText() throws Exception {
        web.refuses(get("/api/search"), CommonProblem.MALFORMED_REQUEST);
        web.refuses(
                get("/api/search").param("q", " \u3000"), CommonProblem.VALIDATION_FAILED, "q is 1 to 200 characters.");
        web.refuses(
                get("/api/search?q=" + "x".repeat(201)), CommonProblem.VALIDATION_FAILED, "q is 1 to 200 characters.");
    }

    @Test
    void filtersNameKnownTypesAndInstants() throws Exception {
        web.refuses(
                get("/api/search?q=report&type=spreadsheet"),
                CommonProblem.VALIDATION_FAILED,
                "type is one of folder, file, image, video, audio, text, document.");
        web.refuses(get("/api/search?q=report&modifiedAfter=yesterday"), CommonProblem.MALFORMED_REQUEST);
        web.refusesInvalid(
                get("/api/search?q=report&limit=201"),
                "The request has invalid parameters.",
                "limit",
                "must be less than or equal to 200");
    }

    @Test
    void aFolderTheCallerCannotReadIsNotFound() throws Exception {
        UUID folder = UUID.randomUUID();
        when(tree.folder(any(), eq(folder), eq(Action.READ))).thenThrow(TreeService.notFound(Item.Kind.FOLDER));
        web.refuses(
                get("/api/search?q=report&folderId=" + folder), MetadataProblem.FOLDER_NOT_FOUND, "No such folder.");
    }
}
