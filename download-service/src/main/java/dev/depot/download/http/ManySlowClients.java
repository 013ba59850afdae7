package dev.depot.download.http;

import java.util.concurrent.Executors;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Jetty set up for many slow clients at once. Jetty takes buffers from a pool only while bytes
 * move, so a slow connection costs its socket, its window and little else (Tomcat keeps about 90 KB
 * of buffers for every open request). Every request runs on a virtual thread of its own, as many as
 * there are clients, while the selector and acceptor keep platform threads: a selector blocks the
 * carrier it runs on, and Spring Boot's all-virtual pool also caps running requests at the pool's
 * size. Bursts of connections wait in a long accept queue instead of being refused. Ordered last,
 * so that it replaces the pool Spring Boot's own customizers set.
 */
@Component
class ManySlowClients implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

    private static final int ACCEPT_QUEUE = 4096;
    private static final int PLATFORM_THREADS = 16;

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        QueuedThreadPool pool = new QueuedThreadPool(PLATFORM_THREADS, 4);
        pool.setName("jetty");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("request-", 0).factory()));
        factory.setThreadPool(pool);
        factory.addServerCustomizers(server -> {
            for (var connector : server.getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.setAcceptQueueSize(ACCEPT_QUEUE);
                }
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
