package dev.depot.localinfra;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** What a context has scheduled: the fixed delay of each {@code @Scheduled} method. */
public final class ScheduledIntervals {

    private ScheduledIntervals() {}

    /** Delay by method, e.g. {@code TrashPurgeJob.purgeExpired} → 10 minutes. */
    public static Map<String, Duration> of(ApplicationContext context) {
        Map<String, Duration> delays = new TreeMap<>();
        for (ScheduledTaskHolder holder :
                context.getBeansOfType(ScheduledTaskHolder.class).values()) {
            for (ScheduledTask scheduled : holder.getScheduledTasks()) {
                if (scheduled.getTask() instanceof FixedDelayTask task) {
                    delays.put(methodName(task.getRunnable().toString()), task.getIntervalDuration());
                }
            }
        }
        return delays;
    }

    /** {@code dev.depot.x.TrashPurgeJob.purgeExpired} → {@code TrashPurgeJob.purgeExpired}. */
    private static String methodName(String qualified) {
        int method = qualified.lastIndexOf('.');
        return qualified.substring(qualified.lastIndexOf('.', method - 1) + 1);
    }
}
