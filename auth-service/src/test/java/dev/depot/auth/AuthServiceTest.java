package dev.depot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.depot.localinfra.ComposeContract;
import dev.depot.localinfra.OpenApiSpecs;
import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthServiceTest {

    @LocalServerPort
    int port;

    @Test
    void publishesThePublicHalfOfTheSigningKeyWithAStableKid() throws Exception {
        HttpResponse<String> response = new ServiceClient(port).get("/api/auth/.well-known/jwks.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=300"));
        RSAKey key = JWKSet.parse(response.body()).getKeys().getFirst().toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(response.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
    }

    /**
     * The committed OpenAPI spec ({@code openapi/auth-service.json}) is what the service serves. The
     * build writes the served spec to {@code target/openapi/}; run with {@code
     * -Ddepot.openapi.update=true} to refresh the committed copy after an API change.
     */
    @Test
    void servesTheCommittedOpenApiSpec() throws Exception {
        JsonNode served = OpenApiSpecs.assertServedIsCommitted(
                new ServiceClient(port).get("/api/auth/openapi.json", null), "auth-service.json");
        assertThat(served.at("/paths").propertyNames())
                .containsExactlyInAnyOrder(
                        "/api/auth/signup",
                        "/api/auth/account",
                        "/api/auth/account/password",
                        "/api/auth/verify-email",
                        "/api/auth/verify-email/resend",
                        "/api/auth/password/forgot",
                        "/api/auth/password/reset",
                        "/api/auth/login",
                        "/api/auth/refresh",
                        "/api/auth/logout",
                        "/api/auth/logout-all",
                        "/api/auth/sessions",
                        "/api/auth/sessions/{id}",
                        "/api/auth/.well-known/jwks.json");
        JsonNode loginSecurity = served.at("/paths/~1api~1auth~1login/post/security");
        assertThat(loginSecurity.isArray() && loginSecurity.isEmpty())
                .as("login takes no token")
                .isTrue();
        assertThat(served.at("/paths/~1api~1auth~1account/get/security/0/bearer")
                        .isArray())
                .isTrue();
        assertThat(served.at("/paths/~1api~1auth~1signup/post/responses/409/content"
                                + "/application~1problem+json/schema/allOf/1/properties/code/enum")
                        .toString())
                .isEqualTo("[\"EMAIL_TAKEN\",\"USERNAME_TAKEN\"]");
    }

    @Test
    void composeAndConfigurationAgree() {
        assertThat(ComposeContract.check(
                        ComposeContract.composeFile(),
                        "auth-service",
                        getClass().getClassLoader()))
                .isEmpty();
    }
}
