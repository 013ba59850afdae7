package dev.depot.metadata;

import dev.depot.kit.problem.ProblemCatalog;
import dev.depot.metadata.access.Caller;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
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
    return new OpenAPI()
        .info(new Info().title("Depot files API").version("v1")
            .description("Folders, files, versions, trash, quota, search, archives, share links,"
                + " activity and live events. Errors are RFC 9457 problem details with a stable"
                + " `code`."))
        .servers(List.of(new Server().url("/").description("Depot's public address")));
  }

  @Bean
  ProblemCatalog problemCatalog() {
    return ProblemCatalog.of(MetadataProblem.class);
  }
}
