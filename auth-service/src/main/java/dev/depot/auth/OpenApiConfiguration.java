package dev.depot.auth;

import dev.depot.kit.openapi.ApiDescription;
import dev.depot.kit.problem.ProblemCatalog;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description of the accounts and sessions API, served at {@code
 * /api/auth/openapi.json}; the kit adds security, records' required properties and each operation's
 * problems, whose codes come from {@link AuthProblem} and the common ones.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI authOpenApi() {
        return ApiDescription.of(
                "Depot accounts API",
                "Sign-up, the own account, email"
                        + " verification, password recovery, sign-in, sessions and the keys that verify access"
                        + " tokens.");
    }

    @Bean
    ProblemCatalog problemCatalog() {
        return ProblemCatalog.of(AuthProblem.class);
    }
}
