package dev.depot.metadata.share;

import static dev.depot.metadata.WebSlice.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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

/** Share links refused: making them ({@code /api/files/{id}/share-links}) and using them. */
class ShareLinkControllerSliceTest {

    private static final String NOT_WORKING = "This link does not work: it may have expired or been revoked.";

    private final ShareLinkService shares = mock(ShareLinkService.class);
    private final WebSlice web = WebSlice.of(new ShareLinkController(shares), new SharedController(shares));
    private final UUID file = UUID.randomUUID();

    @Test
    void anUnverifiedAccountSharesNothing() throws Exception {
        when(shares.create(any(), eq(file), any()))
                .thenThrow(new DepotException(
                        MetadataProblem.EMAIL_NOT_VERIFIED,
                        "Verify your email address to share files: follow the link we sent you."));
        web.refuses(
                post("/api/files/" + file + "/share-links"),
                MetadataProblem.EMAIL_NOT_VERIFIED,
                "Verify your email address to share files: follow the link we sent you.");
    }

    @Test
    void aFileHasAtMostSoManyLinks() throws Exception {
        when(shares.create(any(), eq(file), eq(null)))
                .thenThrow(new DepotException(
                        MetadataProblem.SHARE_LINK_LIMIT,
                        "A file has at most 20 share links; revoke one first.",
                        Map.of("maxPerFile", 20)));
        JsonNode limit = web.refuses(
                        json(post("/api/files/" + file + "/share-links"), "{}"),
                        MetadataProblem.SHARE_LINK_LIMIT,
                        "A file has at most 20 share links; revoke one first.")
                .problem();
        assertThat(limit.path("maxPerFile").asInt()).isEqualTo(20);
    }

    @Test
    void anExpiryIsAnInstant() throws Exception {
        web.refuses(
                json(post("/api/files/" + file + "/share-links"), "{\"expiresAt\":\"soon\"}"),
                CommonProblem.MALFORMED_REQUEST);
    }

    @Test
    void aLinkThatDoesNotWorkIsNotFoundWhateverTheReason() throws Exception {
        UUID link = UUID.randomUUID();
        doThrow(new DepotException(MetadataProblem.SHARE_LINK_NOT_FOUND, "No such share link."))
                .when(shares)
                .revoke(any(), eq(link));
        web.refuses(delete("/api/share-links/" + link), MetadataProblem.SHARE_LINK_NOT_FOUND, "No such share link.");
        DepotException notWorking = new DepotException(MetadataProblem.SHARE_LINK_NOT_FOUND, NOT_WORKING);
        when(shares.open("expired")).thenThrow(notWorking);
        when(shares.download("revoked")).thenThrow(notWorking);
        web.refuses(get("/api/shared/expired"), MetadataProblem.SHARE_LINK_NOT_FOUND, NOT_WORKING);
        web.refuses(get("/api/shared/revoked/download-url"), MetadataProblem.SHARE_LINK_NOT_FOUND, NOT_WORKING);
    }
}
