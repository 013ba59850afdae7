package dev.depot.gateway.client;

import dev.depot.contracts.gateway.GatewayContract;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the services who the client is in {@link GatewayContract#CLIENT_ADDRESS_HEADER}, replacing
 * whatever the client sent under that name (auth-service throttles logins and lists sessions by
 * it).
 */
@Component
public class ClientAddressFilter implements GlobalFilter, Ordered {

    private final ClientAddresses addresses;

    public ClientAddressFilter(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String address = addresses.of(exchange);
        return chain.filter(exchange.mutate()
                .request(r -> r.headers(h -> h.set(GatewayContract.CLIENT_ADDRESS_HEADER, address)))
                .build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
