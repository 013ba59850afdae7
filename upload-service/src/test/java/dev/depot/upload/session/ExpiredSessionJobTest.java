package dev.depot.upload.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.depot.localinfra.ScheduledIntervals;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sweep runs at the interval UploadProperties holds: its default, or what is configured. */
class ExpiredSessionJobTest {

    @EnableScheduling
    @EnableConfigurationProperties(UploadProperties.class)
    static class Scheduling {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Scheduling.class)
            .withBean(UploadService.class, () -> mock(UploadService.class))
            .withBean(ExpiredSessionJob.class);

    @Test
    void sweepsAtTheDefaultInterval() {
        context.run(c ->
                assertThat(ScheduledIntervals.of(c)).containsEntry("ExpiredSessionJob.sweep", Duration.ofMinutes(1)));
    }

    @Test
    void sweepsAtTheConfiguredInterval() {
        context.withPropertyValues("depot.upload.sweep-interval=7s")
                .run(c -> assertThat(ScheduledIntervals.of(c))
                        .containsEntry("ExpiredSessionJob.sweep", Duration.ofSeconds(7)));
    }
}
