package dev.depot.contracts.gateway;

/**
 * What the gateway and the services behind it agree on besides the HTTP API: the header that
 * tells a service who the client is, and the Redis deny list of ended sessions.
 */
public final class GatewayContract {

  /** Set by the gateway to the client address it saw, replacing any value the client sent. */
  public static final String CLIENT_ADDRESS_HEADER = "X-Depot-Client-Address";

  private static final String REVOKED_SESSION_PREFIX = "depot:revoked-session:";

  private GatewayContract() {}

  /** The Redis key that marks a session (the {@code sid} claim) as ended. */
  public static String revokedSessionKey(String sessionId) {
    return REVOKED_SESSION_PREFIX + sessionId;
  }
}
