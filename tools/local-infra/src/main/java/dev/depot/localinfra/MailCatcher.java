package dev.depot.localinfra;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the mail the SMTP catcher received, over IMAP as a mail client would (user = the
 * recipient's address, any password). For tests that follow the links Depot sends.
 */
public final class MailCatcher {

    /** A received message: subject, plain-text part and HTML part. */
    public record Mail(String subject, String text, String html) {

        /** The first link in the text that starts with {@code prefix}. */
        public String link(String prefix) {
            Matcher m = Pattern.compile(Pattern.quote(prefix) + "\\S*").matcher(text);
            if (!m.find()) {
                throw new AssertionError("no link starting with " + prefix + " in: " + text);
            }
            return m.group();
        }
    }

    private final String host;
    private final int port;

    public MailCatcher(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The catcher of the test infrastructure ({@code DEPOT_SMTP_HOST}, {@code DEPOT_IMAP_PORT}). */
    public static MailCatcher ofTestInfra() throws Exception {
        var variables = TestInfra.variables();
        return new MailCatcher(variables.get("DEPOT_SMTP_HOST"), Integer.parseInt(variables.get("DEPOT_IMAP_PORT")));
    }

    /** Waits for the {@code nth} (1-based) message to {@code address} whose subject has a text. */
    public Mail await(String address, String subjectPart, int nth, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            int seen = 0;
            for (Mail mail : inbox(address)) {
                if (mail.subject().contains(subjectPart) && ++seen == nth) {
                    return mail;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "no mail #" + nth + " '" + subjectPart + "' to " + address + " within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    public Mail await(String address, String subjectPart, Duration timeout) throws Exception {
        return await(address, subjectPart, 1, timeout);
    }

    /** Every message in the address's inbox, oldest first. */
    public List<Mail> inbox(String address) throws MessagingException, IOException {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(host, port, address, "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(read(message));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static Mail read(Message message) throws MessagingException, IOException {
        String[] bodies = new String[2];
        collect(message, bodies);
        return new Mail(message.getSubject(), bodies[0], bodies[1]);
    }

    /** Finds the text/plain and text/html parts, however deeply the multiparts nest. */
    private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = (String) part.getContent();
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), bodies);
            }
        }
    }
}
