package dev.depot.gateway.client;

import dev.depot.gateway.GatewayProperties;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from: the direct peer, or, when the peer is a trusted proxy (the
 * edge), the last hop it appended to {@code X-Forwarded-For}. Hops a client writes itself are never
 * believed.
 */
@Component
public class ClientAddresses {

    private static final String ATTRIBUTE = ClientAddresses.class.getName();

    private final List<AddressRange> trustedProxies;

    public ClientAddresses(GatewayProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream()
                .filter(p -> !p.isBlank())
                .map(AddressRange::parse)
                .toList();
    }

    /** Resolved once per exchange: the guard and the header filter both ask. */
    public String of(ServerWebExchange exchange) {
        return exchange.getAttributes()
                .computeIfAbsent(ATTRIBUTE, k -> resolve(exchange))
                .toString();
    }

    private String resolve(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        String peer = remote.getAddress().getHostAddress();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }
}
