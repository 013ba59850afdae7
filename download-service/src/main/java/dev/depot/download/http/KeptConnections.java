package dev.depot.download.http;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.server.ConnectionMetaData;

/**
 * What an earlier request on the same kept-alive connection showed: that its client took bytes
 * fast. The edge fetches a big file as one range request after another on the connections it keeps;
 * remembered, each range after the first streams from its first byte instead of proving the pace
 * again. Jetty keeps it with the connection, so it goes when the connection does.
 */
public final class KeptConnections {

    private static final String FAST = KeptConnections.class.getName() + ".fast";

    private KeptConnections() {}

    public static boolean provenFast(HttpServletRequest request) {
        return connection(request).getAttribute(FAST) != null;
    }

    public static void remember(HttpServletRequest request, boolean fast) {
        ConnectionMetaData connection = connection(request);
        if (fast) {
            connection.setAttribute(FAST, Boolean.TRUE);
        } else {
            connection.removeAttribute(FAST);
        }
    }

    private static ConnectionMetaData connection(HttpServletRequest request) {
        return ServletContextRequest.getServletContextRequest(request).getConnectionMetaData();
    }
}
