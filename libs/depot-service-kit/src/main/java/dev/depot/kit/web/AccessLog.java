package dev.depot.kit.web;

import java.util.regex.Pattern;

/** How a request path appears in access logs: signed tickets in it are never written out. */
public final class AccessLog {

    private static final Pattern TICKET = Pattern.compile("v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private AccessLog() {}

    public static String redact(String path) {
        return TICKET.matcher(path).replaceAll("v1.<ticket>");
    }
}
