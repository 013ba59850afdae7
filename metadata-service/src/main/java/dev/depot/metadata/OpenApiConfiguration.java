package dev.depot.metadata;

import dev.depot.metadata.access.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3.1 description of the files API, served at {@code /api/openapi.json}. */
@Configuration
class OpenApiConfiguration {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenAPI depotOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Depot files API").version("v1")
            .description("Folders, files, versions, trash, quota, search and activity. Errors"
                + " are RFC 9457 problem details with a stable `code`."))
        .servers(List.of(new Server().url("/").description("Depot's public address")))
        .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
