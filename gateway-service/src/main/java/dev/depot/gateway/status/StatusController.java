package dev.depot.gateway.status;

import dev.depot.gateway.GatewayProperties;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/status}: the readiness of every service behind the gateway, asked in parallel
 * with a short timeout, for the dashboard's status panel and for operators.
 */
@RestController
class StatusController {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final GatewayProperties properties;
    private final WebClient client;

    StatusController(GatewayProperties properties, WebClient.Builder builder) {
        this.properties = properties;
        this.client = builder.build();
    }

    record ServiceStatus(String name, String status) {}

    record StatusResponse(String status, List<ServiceStatus> services) {}

    @GetMapping("/api/status")
    Mono<StatusResponse> status() {
        return Flux.fromIterable(properties.backends().entrySet())
                .flatMapSequential(this::probe)
                .collectList()
                .map(list -> new StatusResponse(
                        list.stream().allMatch(s -> s.status().equals("UP")) ? "UP" : "DEGRADED", list));
    }

    private Mono<ServiceStatus> probe(Map.Entry<String, URI> backend) {
        return client.get()
                .uri(backend.getValue().resolve("/actuator/health/readiness"))
                .retrieve()
                .toBodilessEntity()
                .map(r -> new ServiceStatus(backend.getKey(), "UP"))
                .timeout(TIMEOUT)
                .onErrorResume(e -> Mono.just(new ServiceStatus(backend.getKey(), "DOWN")));
    }
}
