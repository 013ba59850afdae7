package dev.depot.metadata.trash;

import dev.depot.kit.openapi.Refusals;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.paging.Page;
import dev.depot.metadata.tree.ItemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/trash}: what the caller deleted, to restore or purge. */
@RestController
@RequestMapping("/api/trash")
@Tag(name = "Trash")
class TrashController {

    record EmptyResponse(int purged) {}

    private final TrashService trash;

    TrashController(TrashService trash) {
        this.trash = trash;
    }

    @GetMapping
    @Operation(
            operationId = "listTrash",
            summary = "Trashed items (each with everything deleted along with it), newest first")
    @Refusals({"MALFORMED_REQUEST", "VALIDATION_FAILED", "INVALID_CURSOR"})
    Page<ItemResponse> list(
            Caller caller,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(required = false) String cursor) {
        return trash.list(caller, limit, cursor).map(ItemResponse::of);
    }

    @PostMapping("/{id}/restore")
    @Operation(
            operationId = "restoreFromTrash",
            summary = "Restore an item to where it was (or the root folder), renaming on clash")
    @Refusals({"MALFORMED_REQUEST", "TRASH_ITEM_NOT_FOUND", "NAME_CONFLICT"})
    ItemResponse restore(Caller caller, @PathVariable UUID id) {
        return ItemResponse.of(trash.restore(caller, id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "purgeFromTrash", summary = "Delete a trashed item and everything below it for good")
    @Refusals({"MALFORMED_REQUEST", "TRASH_ITEM_NOT_FOUND"})
    void purge(Caller caller, @PathVariable UUID id) {
        trash.purge(caller, id);
    }

    @DeleteMapping
    @Operation(operationId = "emptyTrash", summary = "Empty the trash")
    EmptyResponse empty(Caller caller) {
        return new EmptyResponse(trash.empty(caller));
    }
}
