package dev.depot.metadata.me;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the access token says the caller is. */
@RestController
@Tag(name = "Account")
class MeController {

    record MeResponse(String id, String username, String email) {}

    @GetMapping("/api/me")
    @Operation(operationId = "getMe", summary = "Who the access token speaks for")
    MeResponse me(@AuthenticationPrincipal Jwt jwt) {
        return new MeResponse(
                jwt.getSubject(), jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("email"));
    }
}
