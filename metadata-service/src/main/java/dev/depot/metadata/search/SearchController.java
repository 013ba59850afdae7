package dev.depot.metadata.search;

import dev.depot.kit.openapi.Refusals;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.access.AccessPolicy;
import dev.depot.metadata.access.Action;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.paging.Page;
import dev.depot.metadata.tree.ItemResponse;
import dev.depot.metadata.tree.Names;
import dev.depot.metadata.tree.TreeService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search}: items by name among what the caller may read. */
@RestController
@Tag(name = "Search")
class SearchController {

    private static final int MAX_QUERY = 200;

    private final SearchRepository search;
    private final AccessPolicy policy;
    private final TreeService tree;

    SearchController(SearchRepository search, AccessPolicy policy, TreeService tree) {
        this.search = search;
        this.policy = policy;
        this.tree = tree;
    }

    @GetMapping("/api/search")
    @Operation(operationId = "search", summary = "Search names (prefix and fuzzy), best matches first")
    @Refusals({"MALFORMED_REQUEST", "VALIDATION_FAILED", "INVALID_CURSOR", "FOLDER_NOT_FOUND"})
    Page<ItemResponse> search(
            Caller caller,
            @RequestParam String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Instant modifiedAfter,
            @RequestParam(required = false) Instant modifiedBefore,
            @RequestParam(required = false) UUID folderId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        String key = Names.key(Normalizer.normalize(q, Normalizer.Form.NFC).strip());
        if (key.isEmpty() || key.length() > MAX_QUERY) {
            throw new DepotException(CommonProblem.VALIDATION_FAILED, "q is 1 to " + MAX_QUERY + " characters.");
        }
        if (type != null && !SearchRepository.knownType(type)) {
            throw new DepotException(
                    CommonProblem.VALIDATION_FAILED,
                    "type is one of folder, file, image, video, audio, text, document.");
        }
        if (folderId != null) {
            tree.folder(caller, folderId, Action.READ);
        }
        List<SearchRepository.Hit> hits = search.search(
                policy.readableOwners(caller),
                new SearchQuery(key, type, modifiedAfter, modifiedBefore, folderId),
                ScoreCursor.decode(cursor),
                limit + 1);
        return Page.of(hits, limit, h -> new ScoreCursor(h.score(), h.item().id()).encode())
                .map(h -> ItemResponse.of(h.item()));
    }
}
