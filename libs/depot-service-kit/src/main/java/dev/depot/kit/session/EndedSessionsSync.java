package dev.depot.kit.session;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the list of ended sessions again every interval, on a thread of its own (not the
 * application's task scheduler, whose jobs may be slow), while the application runs.
 */
class EndedSessionsSync implements SmartLifecycle {

    private final EndedSessions sessions;
    private final Duration interval;
    private ScheduledExecutorService executor;

    EndedSessionsSync(EndedSessions sessions, Duration interval) {
        this.sessions = sessions;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ended-sessions-sync").daemon().factory());
        executor.scheduleWithFixedDelay(sessions::sync, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        executor.shutdownNow();
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
