package dev.depot.kit.session;

import dev.depot.kit.config.ClockConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * The copy of the ended sessions in every service that has Redis: subscribed to the announcements
 * and read again in full every sync interval.
 */
@AutoConfiguration(
        after = ClockConfiguration.class,
        afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnBean(RedisConnectionFactory.class)
@EnableConfigurationProperties(EndedSessionsProperties.class)
public class EndedSessionsConfiguration {

    @Bean
    EndedSessions endedSessions(RedisConnectionFactory redis, Clock clock, EndedSessionsProperties properties) {
        return new EndedSessions(new StringRedisTemplate(redis), clock, properties.maxStaleness());
    }

    @Bean
    RedisMessageListenerContainer endedSessionsListener(RedisConnectionFactory redis, EndedSessions sessions) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener(sessions, new ChannelTopic(EndedSessions.CHANNEL));
        return container;
    }

    @Bean
    EndedSessionsSync endedSessionsSync(EndedSessions sessions, EndedSessionsProperties properties) {
        return new EndedSessionsSync(sessions, properties.syncInterval());
    }
}
