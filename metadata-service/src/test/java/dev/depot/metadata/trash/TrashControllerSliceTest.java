package dev.depot.metadata.trash;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.WebSlice;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /api/trash} refusals, as problem bodies. */
class TrashControllerSliceTest {

    private final TrashService trash = mock(TrashService.class);
    private final WebSlice web = WebSlice.of(new TrashController(trash));

    @Test
    void pagesHoldOneToAThousandItems() throws Exception {
        web.refusesInvalid(
                get("/api/trash?limit=0"),
                "The request has invalid parameters.",
                "limit",
                "must be greater than or equal to 1");
    }

    @Test
    void onlyWhatIsInTheCallersTrashCanBeRestored() throws Exception {
        UUID id = UUID.randomUUID();
        when(trash.restore(any(), eq(id)))
                .thenThrow(new DepotException(MetadataProblem.TRASH_ITEM_NOT_FOUND, "This item is not in your trash."));
        web.refuses(
                post("/api/trash/" + id + "/restore"),
                MetadataProblem.TRASH_ITEM_NOT_FOUND,
                "This item is not in your trash.");
    }

    @Test
    void aTrashItemIsNamedByUuid() throws Exception {
        web.refuses(delete("/api/trash/everything"), CommonProblem.MALFORMED_REQUEST);
    }
}
