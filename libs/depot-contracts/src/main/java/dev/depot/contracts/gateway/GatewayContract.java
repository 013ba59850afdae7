package dev.depot.contracts.gateway;

/**
 * What the gateway and the services behind it agree on besides the HTTP API: the header that tells
 * a service who the client is.
 */
public final class GatewayContract {

    /** Set by the gateway to the client address it saw, replacing any value the client sent. */
    public static final String CLIENT_ADDRESS_HEADER = "X-Depot-Client-Address";

    private GatewayContract() {}
}
