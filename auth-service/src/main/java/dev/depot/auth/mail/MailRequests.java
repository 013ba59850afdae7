package dev.depot.auth.mail;

import dev.depot.auth.keys.AuthProperties;
import dev.depot.contracts.mail.v1.MailRequested;
import dev.depot.kit.events.EventPublisher;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asks for the emails accounts need, as {@code mail-requested} events in the caller's transaction:
 * a mail is sent only if what caused it committed, and is sent even if this process dies right
 * after. Links point at the dashboard.
 */
@Component
public class MailRequests {

    static final String VERIFY_EMAIL = "verify-email";
    static final String RESET_PASSWORD = "reset-password";
    static final String PASSWORD_CHANGED = "password-changed";

    private final EventPublisher events;
    private final AuthProperties properties;

    MailRequests(EventPublisher events, AuthProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    public void verifyEmail(UUID userId, String name, String to, String token, Duration ttl) {
        request(
                userId,
                to,
                VERIFY_EMAIL,
                Map.of("name", name, "email", to, "link", link("/verify-email", token), "expires", describe(ttl)));
    }

    public void resetPassword(UUID userId, String name, String to, String token, Duration ttl) {
        request(
                userId,
                to,
                RESET_PASSWORD,
                Map.of("name", name, "link", link("/reset-password", token), "expires", describe(ttl)));
    }

    public void passwordChanged(UUID userId, String name, String to) {
        request(
                userId,
                to,
                PASSWORD_CHANGED,
                Map.of(
                        "name",
                        name,
                        "link",
                        UriComponentsBuilder.fromUri(properties.dashboardUrl())
                                .path("/forgot-password")
                                .build()
                                .toUriString()));
    }

    private void request(UUID userId, String to, String template, Map<String, String> variables) {
        events.publish(MailRequested.TYPE, userId.toString(), new MailRequested(to, template, variables));
    }

    private String link(String path, String token) {
        return UriComponentsBuilder.fromUri(properties.dashboardUrl())
                .path(path)
                .queryParam("token", token)
                .build()
                .toUriString();
    }

    private static String describe(Duration ttl) {
        long minutes = ttl.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " hours" : minutes + " minutes";
    }
}
