package dev.depot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.gateway.client.ClientAddresses;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

/** The hand-written request parsing of the gateway: client addresses and header values. */
class RequestPartsTest {

    private static ClientAddresses trusting(String... proxies) {
        return new ClientAddresses(new GatewayProperties(
                Map.of(),
                List.of("http://x"),
                List.of(),
                DataSize.ofMegabytes(1),
                List.of(),
                new GatewayProperties.RateLimit(1, 1, 1, 1, 1, 1, 1, 1),
                List.of(proxies)));
    }

    private static MockServerWebExchange from(String peer, String... forwardedFor) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/me")
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header("X-Forwarded-For", forwardedFor));
    }

    @Test
    void forwardedHopsCountOnlyFromTrustedProxies() {
        assertThat(trusting().of(from("203.0.113.7", "6.6.6.6"))).isEqualTo("203.0.113.7");
        ClientAddresses edge = trusting("10.0.0.0/8", "::1");
        assertThat(edge.of(from("10.1.2.3", "6.6.6.6, 198.51.100.4"))).isEqualTo("198.51.100.4");
        assertThat(edge.of(from("10.1.2.3", "198.51.100.4, 10.9.9.9"))).isEqualTo("198.51.100.4");
        assertThat(edge.of(from("10.1.2.3", "not-an-address"))).isEqualTo("not-an-address");
        assertThat(edge.of(from("10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(edge.of(from("11.1.2.3", "198.51.100.4"))).isEqualTo("11.1.2.3");
        assertThat(trusting("10.0.0.0/9").of(from("10.200.0.1", "198.51.100.4")))
                .isEqualTo("10.200.0.1");
    }
}
