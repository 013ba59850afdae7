package dev.depot.kit.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.kit.session.SessionCheck.Verdict;
import dev.depot.localinfra.MovingClock;
import dev.depot.localinfra.TestInfra;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** The copy of the ended sessions against a real Redis, and against none. */
@ExtendWith(TestInfra.class)
class EndedSessionsTest {

    private static final Duration STALENESS = Duration.ofSeconds(30);

    /** Starts at the real time, as Redis's scores are real times. */
    private final MovingClock clock = new MovingClock(Instant.now());

    private URI url;
    private LettuceConnectionFactory redis;
    private RedisMessageListenerContainer listener;

    @BeforeEach
    void redis() throws Exception {
        url = URI.create(TestInfra.variables().get("DEPOT_REDIS_URL"));
        redis = factory(url.getHost(), url.getPort());
    }

    @AfterEach
    void close() {
        if (listener != null) {
            listener.stop();
        }
        redis.destroy();
    }

    @Test
    void anEndingIsKnownToEveryCopyAtOnce() throws Exception {
        EndedSessions auth = sessions(redis);
        EndedSessions service = sessions(redis);
        subscribe(service);
        service.sync();
        String ended = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();

        auth.end(List.of(ended), clock.instant().plusSeconds(60));

        assertThat(auth.checkLocally(ended)).isEqualTo(Verdict.ENDED);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (service.checkLocally(ended) != Verdict.ENDED && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(service.checkLocally(ended)).isEqualTo(Verdict.ENDED);
        assertThat(service.checkLocally(other)).isEqualTo(Verdict.LIVE);
    }

    @Test
    void aMissedAnnouncementIsCaughtByTheNextSync() {
        EndedSessions service = sessions(redis);
        service.sync();
        String ended = UUID.randomUUID().toString();

        sessions(redis).end(List.of(ended), clock.instant().plusSeconds(60));
        assertThat(service.checkLocally(ended)).isEqualTo(Verdict.LIVE);

        service.sync();
        assertThat(service.checkLocally(ended)).isEqualTo(Verdict.ENDED);
    }

    @Test
    void anEndingMattersUntilTheLastTokenOfTheSessionExpires() {
        EndedSessions sessions = sessions(redis);
        String ended = UUID.randomUUID().toString();
        sessions.end(List.of(ended), clock.instant().plusSeconds(60));
        sessions.sync();
        assertThat(sessions.check(ended)).isEqualTo(Verdict.ENDED);

        clock.advance(Duration.ofSeconds(61));
        sessions.sync();
        assertThat(sessions.check(ended)).isEqualTo(Verdict.LIVE);
    }

    @Test
    void aCopyTooOldToTrustAsksRedisItself() {
        EndedSessions service = sessions(redis);
        service.sync();
        String ended = UUID.randomUUID().toString();
        sessions(redis).end(List.of(ended), clock.instant().plus(Duration.ofMinutes(5)));

        clock.advance(STALENESS.plusSeconds(1));
        assertThat(service.checkLocally(ended)).isEqualTo(Verdict.UNKNOWN);
        assertThat(service.checkLocally(UUID.randomUUID().toString())).isEqualTo(Verdict.UNKNOWN);
        assertThat(service.check(ended)).isEqualTo(Verdict.ENDED);
        assertThat(service.check(UUID.randomUUID().toString())).isEqualTo(Verdict.LIVE);
    }

    @Test
    void withoutRedisNothingIsTakenForLive() {
        LettuceConnectionFactory nowhere = factory("127.0.0.1", 1);
        try {
            EndedSessions sessions = sessions(nowhere);
            sessions.sync();
            assertThat(sessions.check(UUID.randomUUID().toString())).isEqualTo(Verdict.UNKNOWN);
        } finally {
            nowhere.destroy();
        }
    }

    @Test
    void aCopyReadOnceOutlivesABriefOutage() {
        LettuceConnectionFactory flaky = factory(url.getHost(), url.getPort());
        EndedSessions sessions = sessions(flaky);
        String ended = UUID.randomUUID().toString();
        sessions.end(List.of(ended), clock.instant().plusSeconds(60));
        sessions.sync();
        flaky.destroy();

        sessions.sync();
        clock.advance(STALENESS.minusSeconds(1));
        assertThat(sessions.check(ended)).isEqualTo(Verdict.ENDED);
        assertThat(sessions.check(UUID.randomUUID().toString())).isEqualTo(Verdict.LIVE);
        clock.advance(Duration.ofSeconds(2));
        assertThat(sessions.check(UUID.randomUUID().toString())).isEqualTo(Verdict.UNKNOWN);
    }

    private EndedSessions sessions(LettuceConnectionFactory factory) {
        return new EndedSessions(new StringRedisTemplate(factory), clock, STALENESS);
    }

    private void subscribe(EndedSessions sessions) {
        listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(redis);
        listener.addMessageListener(sessions, new ChannelTopic(EndedSessions.CHANNEL));
        listener.afterPropertiesSet();
        listener.start();
    }

    private static LettuceConnectionFactory factory(String host, int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(host, port),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofMillis(500))
                        .build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
