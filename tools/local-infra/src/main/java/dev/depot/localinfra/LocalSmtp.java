package dev.depot.localinfra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;

/**
 * An SMTP catcher (GreenMail). Every address gets a mailbox that can be read over IMAP with the
 * address as user name and any password, which is how tests and developers read sent mail.
 */
final class LocalSmtp implements InfraComponent {

    private final int smtpPort;
    private final int imapPort;
    private GreenMail mail;

    LocalSmtp(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public Map<String, String> start() {
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return Map.of(
                "DEPOT_SMTP_HOST", "127.0.0.1",
                "DEPOT_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()),
                "DEPOT_IMAP_PORT", Integer.toString(mail.getImap().getPort()));
    }

    @Override
    public void close() {
        if (mail != null) {
            mail.stop();
        }
    }
}
