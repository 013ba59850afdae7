package dev.depot.contracts.mail.v1;

import dev.depot.contracts.events.EventType;
import java.util.Map;

/**
 * An email to send. {@code template} names the message ({@code verify-email}, {@code
 * reset-password}, {@code password-changed}, {@code email-changed}); {@code variables} fill it in
 * ({@code name}, {@code link}, ...). The mailer renders plain text and HTML from them.
 */
public record MailRequested(String to, String template, Map<String, String> variables) {

    public static final String TOPIC = "depot.mail.mail-requested.v1";
    public static final EventType<MailRequested> TYPE = new EventType<>(TOPIC, MailRequested.class);

    public MailRequested {
        variables = Map.copyOf(variables);
    }
}
