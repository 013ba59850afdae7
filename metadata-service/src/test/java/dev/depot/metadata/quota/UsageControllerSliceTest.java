package dev.depot.metadata.quota;

import static dev.depot.metadata.WebSlice.json;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.WebSlice;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** {@code PUT /api/admin/users/{id}/quota} refused; {@link WebSlice#CALLER} is "alice". */
class UsageControllerSliceTest {

    private final QuotaLedger ledger = mock(QuotaLedger.class);
    private final String quota = "/api/admin/users/" + UUID.randomUUID() + "/quota";

    @Test
    void onlyAdministratorsSetLimits() throws Exception {
        web("root")
                .refuses(
                        json(put(quota), "{\"limitBytes\":1000}"),
                        MetadataProblem.NOT_AN_ADMIN,
                        "Only administrators can change quotas.");
    }

    @Test
    void aLimitIsZeroBytesOrMore() throws Exception {
        web("alice")
                .refusesInvalid(
                        json(put(quota), "{\"limitBytes\":-1}"),
                        "The request has invalid fields.",
                        "limitBytes",
                        "must be greater than or equal to 0");
        web("alice")
                .refusesInvalid(
                        json(put(quota), "{}"), "The request has invalid fields.", "limitBytes", "must not be null");
    }

    @Test
    void aLimitOfAnUnknownUserIsNotFound() throws Exception {
        when(ledger.setLimit(any(), anyLong())).thenReturn(false);
        web("alice")
                .refuses(json(put(quota), "{\"limitBytes\":1000}"), MetadataProblem.ACCOUNT_NOT_FOUND, "No such user.");
    }

    private WebSlice web(String admin) {
        return WebSlice.of(new UsageController(ledger, new QuotaProperties(DataSize.ofGigabytes(10), Set.of(admin))));
    }
}
