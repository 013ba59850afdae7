package dev.depot.kit.session;

/**
 * Whether an account session has ended before its access tokens expire. Kept free of Redis types,
 * so that services without Redis (which accept no access token) load the security set-up that names
 * it.
 */
public interface SessionCheck {

    /** What is known of a session. */
    enum Verdict {
        LIVE,
        ENDED,
        UNKNOWN
    }

    /** What is known of a session; {@link Verdict#UNKNOWN} means the request must be refused. */
    Verdict check(String sessionId);
}
