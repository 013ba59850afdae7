package dev.depot.metadata.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.depot.localinfra.ScheduledIntervals;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The sweep runs at the interval ProcessingProperties holds: its default, or what is configured.
 */
class StuckProcessingJobTest {

    @EnableScheduling
    @EnableConfigurationProperties(ProcessingProperties.class)
    static class Scheduling {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Scheduling.class)
            .withBean(ProcessingService.class, () -> mock(ProcessingService.class))
            .withBean(StuckProcessingJob.class);

    @Test
    void sweepsAtTheDefaultInterval() {
        context.run(c ->
                assertThat(ScheduledIntervals.of(c)).containsEntry("StuckProcessingJob.sweep", Duration.ofMinutes(1)));
    }

    @Test
    void sweepsAtTheConfiguredInterval() {
        context.withPropertyValues("depot.processing.sweep-interval=7s")
                .run(c -> assertThat(ScheduledIntervals.of(c))
                        .containsEntry("StuckProcessingJob.sweep", Duration.ofSeconds(7)));
    }
}
