package dev.depot.auth.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public signing keys; the gateway and every service verify tokens with them. */
@RestController
@Tag(name = "Keys")
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/api/auth/.well-known/jwks.json", produces = "application/jwk-set+json")
    @Operation(
            operationId = "jwks",
            summary = "The public keys that verify access tokens, current" + " and retired (an RFC 7517 JWK Set)")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .body(keys.publicJwks().toJSONObject());
    }
}
