package dev.depot.metadata.activity;

import dev.depot.kit.openapi.Refusals;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.paging.Page;
import dev.depot.metadata.paging.TimeCursor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/activity}: the audit log of the caller's files, and its CSV export. */
@RestController
@Tag(name = "Activity")
class ActivityController {

    /**
     * One entry. {@code actorId} is null when no account acted (an automatic purge, a download
     * through a share link); {@code details} holds what else is worth knowing, by action.
     */
    record ActivityResponse(
            UUID id,
            @Nullable UUID actorId,
            String action,
            String resourceKind,
            @Nullable UUID resourceId,
            @Nullable String resourceName,
            Map<String, Object> details,
            Instant occurredAt) {}

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final ActivityRepository activity;
    private final JsonMapper json;

    ActivityController(ActivityRepository activity, JsonMapper json) {
        this.activity = activity;
        this.json = json;
    }

    @GetMapping("/api/activity")
    @Operation(
            operationId = "listActivity",
            summary = "What happened to the caller's files (about one resource, if given)")
    @Refusals({"MALFORMED_REQUEST", "VALIDATION_FAILED", "INVALID_CURSOR"})
    Page<ActivityResponse> list(
            Caller caller,
            @RequestParam(required = false) UUID resourceId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(required = false) String cursor) {
        return Page.of(
                        activity.page(caller.userId(), resourceId, TimeCursor.decode(cursor), limit + 1),
                        limit,
                        last -> new TimeCursor(last.occurredAt(), last.id()).encode())
                .map(e -> new ActivityResponse(
                        e.id(),
                        e.actorId(),
                        e.action(),
                        e.resourceKind(),
                        e.resourceId(),
                        e.resourceName(),
                        json.readValue(e.details(), DETAILS),
                        e.occurredAt()));
    }

    @GetMapping(value = "/api/activity/export", produces = "text/csv")
    @Operation(operationId = "exportActivity", summary = "The caller's whole audit log as CSV (RFC 4180), oldest first")
    @ApiResponse(
            responseCode = "200",
            description = "The audit log, one entry a line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<StreamingResponseBody> export(Caller caller) {
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("occurred_at,action,resource_kind,resource_id,resource_name,actor_id," + "details,id\r\n");
            activity.forEach(caller.userId(), e -> {
                try {
                    writer.write(String.join(
                                    ",",
                                    e.occurredAt().toString(),
                                    e.action(),
                                    e.resourceKind(),
                                    text(e.resourceId()),
                                    csv(e.resourceName()),
                                    text(e.actorId()),
                                    csv(e.details()),
                                    e.id().toString())
                            + "\r\n");
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activity.csv\"")
                .body(body);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /**
     * A CSV field: quoted when needed, and a leading {@code = + - @} defused so that spreadsheets do
     * not run it as a formula.
     */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
