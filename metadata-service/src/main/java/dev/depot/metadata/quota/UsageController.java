package dev.depot.metadata.quota;

import dev.depot.kit.openapi.Refusals;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me/usage} and the administrators' {@code PUT /api/admin/users/{id}/quota}. */
@RestController
@Tag(name = "Quota")
class UsageController {

    record UsageResponse(
            long limitBytes,
            long usedBytes,
            long availableBytes,
            long liveBytes,
            long versionBytes,
            long trashBytes,
            long reservedBytes,
            boolean customLimit) {

        static UsageResponse of(QuotaLedger.Usage u) {
            return new UsageResponse(
                    u.limit(),
                    u.used(),
                    u.available(),
                    u.live(),
                    u.versions(),
                    u.trash(),
                    u.reserved(),
                    u.customLimit());
        }
    }

    record LimitRequest(@NotNull @PositiveOrZero Long limitBytes) {}

    private final QuotaLedger ledger;
    private final QuotaProperties properties;

    UsageController(QuotaLedger ledger, QuotaProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
    }

    @GetMapping("/api/me/usage")
    @Operation(operationId = "getUsage", summary = "What the caller stores, by state, against their limit")
    UsageResponse usage(Caller caller) {
        return UsageResponse.of(ledger.usage(caller.userId()).orElseThrow());
    }

    @PutMapping("/api/admin/users/{userId}/quota")
    @Operation(operationId = "setQuota", summary = "Set a user's storage limit (administrators only)")
    @Refusals({"NOT_AN_ADMIN", "ACCOUNT_NOT_FOUND"})
    UsageResponse setLimit(Caller caller, @PathVariable UUID userId, @Valid @RequestBody LimitRequest request) {
        if (caller.username() == null || !properties.admins().contains(caller.username())) {
            throw new DepotException(MetadataProblem.NOT_AN_ADMIN, "Only administrators can change quotas.");
        }
        if (!ledger.setLimit(userId, request.limitBytes())) {
            throw new DepotException(MetadataProblem.ACCOUNT_NOT_FOUND, "No such user.");
        }
        return UsageResponse.of(ledger.usage(userId).orElseThrow());
    }
}
