package dev.depot.metadata.activity;

import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.WebSlice;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/activity} refusals, as problem bodies. */
class ActivityControllerSliceTest {

    private final WebSlice web = WebSlice.of(new ActivityController(
            mock(ActivityRepository.class), JsonMapper.builder().build()));

    @Test
    void aCursorComesFromThePageBefore() throws Exception {
        web.refuses(
                get("/api/activity?cursor=bm90LWEtY3Vyc29y"),
                MetadataProblem.INVALID_CURSOR,
                "This cursor does not belong to this listing; start again without one.");
    }

    @Test
    void pagesHoldOneToFiveHundredEntriesAboutAnItemNamedByUuid() throws Exception {
        web.refusesInvalid(
                get("/api/activity?limit=501"),
                "The request has invalid parameters.",
                "limit",
                "must be less than or equal to 500");
        web.refuses(get("/api/activity?resourceId=42"), CommonProblem.MALFORMED_REQUEST);
    }
}
