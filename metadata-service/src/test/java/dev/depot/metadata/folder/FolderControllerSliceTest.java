package dev.depot.metadata.folder;

import static dev.depot.metadata.WebSlice.CALLER;
import static dev.depot.metadata.WebSlice.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.WebSlice;
import dev.depot.metadata.trash.TrashService;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.OnConflict;
import dev.depot.metadata.tree.TreeService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/folders} refusals, as problem bodies. */
class FolderControllerSliceTest {

    private final FolderService folders = mock(FolderService.class);
    private final TreeService tree = mock(TreeService.class);
    private final WebSlice web = WebSlice.of(new FolderController(folders, tree, mock(TrashService.class)));

    @Test
    void aFolderNeedsAName() throws Exception {
        web.refusesInvalid(
                json(post("/api/folders"), "{\"parentId\":null}"),
                "The request has invalid fields.",
                "name",
                "must not be null");
    }

    @Test
    void aBodyThatIsNotJsonOrNamesAnUnknownPolicyIsMalformed() throws Exception {
        web.refuses(json(post("/api/folders"), "{\"name\":"), CommonProblem.MALFORMED_REQUEST);
        web.refuses(
                json(post("/api/folders"), "{\"name\":\"x\",\"onConflict\":\"maybe\"}"),
                CommonProblem.MALFORMED_REQUEST);
        web.refuses(post("/api/folders").contentType("text/plain").content("x"), CommonProblem.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void aFolderIdIsAUuid() throws Exception {
        web.refuses(get("/api/folders/not-a-uuid"), CommonProblem.MALFORMED_REQUEST);
    }

    @Test
    void childrenComeInKnownOrdersAndPagesOfAtMostAThousand() throws Exception {
        UUID id = UUID.randomUUID();
        web.refuses(
                get("/api/folders/" + id + "/children?sort=colour"),
                CommonProblem.VALIDATION_FAILED,
                "sort is one of name, size, modified.");
        web.refuses(
                get("/api/folders/" + id + "/children?order=up"),
                CommonProblem.VALIDATION_FAILED,
                "order is asc or desc.");
        web.refusesInvalid(
                get("/api/folders/" + id + "/children?limit=1001"),
                "The request has invalid parameters.",
                "limit",
                "must be less than or equal to 1000");
    }

    @Test
    void aTakenNameNamesTheItemHoldingIt() throws Exception {
        UUID parent = UUID.randomUUID();
        Item holder = new Item(
                UUID.randomUUID(),
                CALLER.userId(),
                parent,
                List.of(),
                Item.Kind.FILE,
                "Plans",
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        when(tree.createFolder(eq(CALLER), eq(parent), eq("plans"), eq(OnConflict.FAIL)))
                .thenThrow(TreeService.conflict(holder));
        JsonNode conflict = web.refuses(
                        json(post("/api/folders"), "{\"parentId\":\"" + parent + "\",\"name\":\"plans\"}"),
                        MetadataProblem.NAME_CONFLICT,
                        "\"Plans\" already exists in this folder.")
                .problem();
        assertThat(conflict.path("conflictingId").asString())
                .isEqualTo(holder.id().toString());
        assertThat(conflict.path("conflictingKind").asString()).isEqualTo("file");
    }

    @Test
    void aMoveIntoItsOwnSubtreeIsAConflict() throws Exception {
        UUID id = UUID.randomUUID();
        when(tree.update(any(), eq(Item.Kind.FOLDER), eq(id), any(), any(), any()))
                .thenThrow(new DepotException(
                        MetadataProblem.MOVE_INTO_ITSELF,
                        "\"Docs\" cannot move into itself or one of its subfolders."));
        web.refuses(
                json(patch("/api/folders/" + id), "{\"parentId\":\"" + id + "\"}"),
                MetadataProblem.MOVE_INTO_ITSELF,
                "\"Docs\" cannot move into itself or one of its subfolders.");
    }

    @Test
    void anUnexpectedFailureSaysNothingButInternalError() throws Exception {
        when(folders.view(any(), any())).thenThrow(new IllegalStateException("pool exhausted"));
        JsonNode internal = web.refuses(
                        get("/api/folders/" + UUID.randomUUID()), CommonProblem.INTERNAL, "An internal error occurred.")
                .problem();
        assertThat(internal.has("errors")).isFalse();
    }
}
