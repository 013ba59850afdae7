package dev.depot.auth.session;

import dev.depot.contracts.gateway.GatewayContract;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * Who is calling, as far as sessions and throttling care. The gateway replaces {@link
 * GatewayContract#CLIENT_ADDRESS_HEADER} with the address it saw, whatever the client sent.
 */
record ClientInfo(String address, String userAgent) {

    private static final int MAX_USER_AGENT = 512;

    static ClientInfo of(HttpServletRequest request) {
        String address = request.getHeader(GatewayContract.CLIENT_ADDRESS_HEADER);
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        return new ClientInfo(
                address == null || address.isBlank() ? request.getRemoteAddr() : address,
                userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT)));
    }
}
