package dev.depot.metadata.trash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.depot.localinfra.ScheduledIntervals;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sweep runs at the interval TrashProperties holds: its default, or what is configured. */
class TrashPurgeJobTest {

    @EnableScheduling
    @EnableConfigurationProperties(TrashProperties.class)
    static class Scheduling {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Scheduling.class)
            .withBean(TrashService.class, () -> mock(TrashService.class))
            .withBean(TrashPurgeJob.class);

    @Test
    void sweepsAtTheDefaultInterval() {
        context.run(c -> assertThat(ScheduledIntervals.of(c))
                .containsEntry("TrashPurgeJob.purgeExpired", Duration.ofMinutes(10)));
    }

    @Test
    void sweepsAtTheConfiguredInterval() {
        context.withPropertyValues("depot.trash.sweep-interval=7s")
                .run(c -> assertThat(ScheduledIntervals.of(c))
                        .containsEntry("TrashPurgeJob.purgeExpired", Duration.ofSeconds(7)));
    }
}
