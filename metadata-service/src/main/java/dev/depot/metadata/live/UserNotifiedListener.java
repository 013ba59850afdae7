package dev.depot.metadata.live;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.notifications.v1.UserNotified;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Notifications for the streams open on this instance. Every instance reads every notification (a
 * consumer group of its own, from the newest record on), since any of them may hold the user's
 * streams; one not delivered is not retried, as pages read the state again on connecting. Streams
 * open only once the topic is assigned, so that none misses what follows its opening.
 */
@Component
class UserNotifiedListener implements ConsumerSeekAware {

    private final LiveStreams streams;

    UserNotifiedListener(LiveStreams streams) {
        this.streams = streams;
    }

    @KafkaListener(
            id = "metadata-live",
            topics = UserNotified.TOPIC,
            groupId = "metadata-live-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void on(EventEnvelope<UserNotified> event) {
        streams.deliver(event);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        streams.listening();
    }
}
