package dev.depot.metadata;

import dev.depot.kit.openapi.ApiDescription;
import dev.depot.kit.problem.ProblemCatalog;
import dev.depot.metadata.access.Caller;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description of the files API, served at {@code /api/openapi.json}; the kit adds
 * security, records' required properties and each operation's problems, whose codes come from
 * {@link MetadataProblem} and the common ones.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI depotOpenApi() {
        return ApiDescription.of(
                "Depot files API",
                "Folders, files, versions, trash, quota, search,"
                        + " archives, share links, activity and live events.");
    }

    @Bean
    ProblemCatalog problemCatalog() {
        return ProblemCatalog.of(MetadataProblem.class);
    }
}
