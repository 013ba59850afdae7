package dev.depot.metadata.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.depot.localinfra.ScheduledIntervals;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sweep runs at the interval ArchiveProperties holds: its default, or what is configured. */
class ArchiveSweepJobTest {

    @EnableScheduling
    @EnableConfigurationProperties(ArchiveProperties.class)
    static class Scheduling {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Scheduling.class)
            .withBean(ArchiveService.class, () -> mock(ArchiveService.class))
            .withBean(ArchiveSweepJob.class);

    @Test
    void sweepsAtTheDefaultInterval() {
        context.run(c ->
                assertThat(ScheduledIntervals.of(c)).containsEntry("ArchiveSweepJob.expire", Duration.ofMinutes(5)));
    }

    @Test
    void sweepsAtTheConfiguredInterval() {
        context.withPropertyValues("depot.archives.sweep-interval=7s")
                .run(c -> assertThat(ScheduledIntervals.of(c))
                        .containsEntry("ArchiveSweepJob.expire", Duration.ofSeconds(7)));
    }
}
