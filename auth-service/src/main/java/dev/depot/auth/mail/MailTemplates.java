package dev.depot.auth.mail;

import dev.depot.contracts.mail.v1.MailRequested;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Turns a mail request into the message text, plain and HTML. */
@Component
class MailTemplates {

    private record Template(String subject, String body, String action) {}

    private static final Map<String, Template> TEMPLATES = Map.of(
            MailRequests.VERIFY_EMAIL,
                    new Template(
                            "Confirm your email address for Depot",
                            "Hello {name},\n\nplease confirm that {email} is your address for Depot. The link"
                                    + " works once and expires in {expires}.",
                            "Confirm email address"),
            MailRequests.RESET_PASSWORD,
                    new Template(
                            "Reset your Depot password",
                            "Hello {name},\n\nsomeone (hopefully you) asked to reset the password of your Depot"
                                    + " account. The link works once and expires in {expires}. If you did not ask,"
                                    + " ignore this email: your password stays as it is.",
                            "Choose a new password"),
            MailRequests.PASSWORD_CHANGED,
                    new Template(
                            "Your Depot password was changed",
                            "Hello {name},\n\nthe password of your Depot account was just changed and every"
                                    + " other session was signed out. If this was not you, reset your password now.",
                            "Reset password"));

    Mail render(MailRequested request) {
        Template template = TEMPLATES.get(request.template());
        if (template == null) {
            throw new IllegalArgumentException("unknown mail template " + request.template());
        }
        Map<String, String> vars = request.variables();
        String body = fill(template.body(), vars);
        String link = vars.getOrDefault("link", "");
        String text = body + "\n\n" + template.action() + ": " + link + "\n\n-- \nDepot\n";
        String html = "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\">"
                + "<p>"
                + HtmlUtils.htmlEscape(body).replace("\n\n", "</p><p>")
                + "</p>"
                + "<p><a href=\""
                + HtmlUtils.htmlEscape(link)
                + "\" style=\"display:inline-block;"
                + "padding:10px 16px;background:#2456d3;color:#fff;border-radius:6px;"
                + "text-decoration:none\">"
                + HtmlUtils.htmlEscape(template.action())
                + "</a></p>"
                + "<p style=\"color:#666;font-size:90%\">Or open "
                + HtmlUtils.htmlEscape(link)
                + "</p></body></html>";
        return new Mail(request.to(), template.subject(), text, html);
    }

    private static String fill(String body, Map<String, String> vars) {
        String filled = body;
        for (var entry : vars.entrySet()) {
            filled = filled.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return filled;
    }
}
