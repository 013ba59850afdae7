package dev.depot.metadata.download;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.WebSlice;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/files/{id}/download-url} refused. */
class DownloadUrlControllerSliceTest {

    private final DownloadUrlService downloads = mock(DownloadUrlService.class);
    private final WebSlice web = WebSlice.of(new DownloadUrlController(downloads));
    private final String url = "/api/files/" + UUID.randomUUID() + "/download-url";

    @Test
    void aLinkLastsFromOneSecondToADay() throws Exception {
        web.refusesInvalid(
                get(url + "?expiresIn=0"),
                "The request has invalid parameters.",
                "expiresIn",
                "must be greater than or equal to 1");
        web.refusesInvalid(
                get(url + "?expiresIn=86401"),
                "The request has invalid parameters.",
                "expiresIn",
                "must be less than or equal to 86400");
    }

    @Test
    void parametersOfTheWrongTypeAreMalformed() throws Exception {
        web.refuses(get(url + "?inline=perhaps"), CommonProblem.MALFORMED_REQUEST);
        web.refuses(get(url + "?versionId=latest"), CommonProblem.MALFORMED_REQUEST);
    }

    @Test
    void aVersionStillUploadingHasNoLink() throws Exception {
        when(downloads.issue(any(), any(), any(), anyBoolean(), eq(null)))
                .thenThrow(new DepotException(
                        MetadataProblem.VERSION_NOT_AVAILABLE, "This version's upload has not completed."));
        web.refuses(get(url), MetadataProblem.VERSION_NOT_AVAILABLE, "This version's upload has not completed.");
    }
}
