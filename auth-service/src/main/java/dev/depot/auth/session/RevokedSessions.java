package dev.depot.auth.session;

import dev.depot.kit.session.EndedSessions;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Ends sessions on the list that every service checks access tokens against (the gateway, this
 * service and the services behind it). An entry lasts as long as an access token (and a minute more
 * for clocks that differ), so every token of the session is refused until it has expired.
 */
@Component
class RevokedSessions {

    private final EndedSessions ended;
    private final SessionProperties properties;
    private final Clock clock;

    RevokedSessions(EndedSessions ended, SessionProperties properties, Clock clock) {
        this.ended = ended;
        this.properties = properties;
        this.clock = clock;
    }

    void revoke(Collection<UUID> sessionIds) {
        ended.end(
                sessionIds.stream().map(UUID::toString).toList(),
                clock.instant().plus(properties.accessTokenTtl()).plusSeconds(60));
    }
}
