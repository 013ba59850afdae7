package dev.depot.kit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;

/** The start of a service's OpenAPI description, for its {@code OpenAPI} bean. */
public final class ApiDescription {

    private ApiDescription() {}

    /**
     * A description titled {@code title}, version v1, whose {@code summary} ends by saying that
     * errors are problem details, and whose paths are on Depot's public address.
     */
    public static OpenAPI of(String title, String summary) {
        return new OpenAPI()
                .info(new Info()
                        .title(title)
                        .version("v1")
                        .description(summary + " Errors are RFC 9457 problem details with a stable `code`."))
                .servers(List.of(new Server().url("/").description("Depot's public address")));
    }
}
