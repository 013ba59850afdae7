package dev.depot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.mail.v1.MailRequested;
import dev.depot.localinfra.EventProbe;
import dev.depot.localinfra.MailCatcher;
import dev.depot.localinfra.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

/** The mailer consumer: one mail per event however often it arrives, and poison parked. */
@ExtendWith(TestInfra.class)
@SpringBootTest
class MailerTest {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void aRedeliveredRequestSendsOneMail() throws Exception {
        String to = "twice-" + UUID.randomUUID() + "@example.org";
        EventEnvelope<MailRequested> event = EventEnvelope.of(
                MailRequested.TYPE,
                "/test",
                "k",
                new MailRequested(to, "password-changed", Map.of("name", "Twice", "link", "http://x")),
                Instant.now());
        byte[] json = AuthApi.JSON.writeValueAsBytes(event);
        kafka.send(new ProducerRecord<>(MailRequested.TOPIC, "k", json)).get();
        kafka.send(new ProducerRecord<>(MailRequested.TOPIC, "k", json)).get();
        // A later, different event to the same address proves both copies were consumed by then.
        EventEnvelope<MailRequested> marker = EventEnvelope.of(
                MailRequested.TYPE,
                "/test",
                "k",
                new MailRequested(
                        to, "reset-password", Map.of("name", "Twice", "link", "http://y", "expires", "30 minutes")),
                Instant.now());
        kafka.send(new ProducerRecord<>(MailRequested.TOPIC, "k", AuthApi.JSON.writeValueAsBytes(marker)))
                .get();

        MailCatcher mail = MailCatcher.ofTestInfra();
        mail.await(to, "Reset your Depot password", Duration.ofSeconds(30));
        assertThat(mail.inbox(to))
                .extracting(MailCatcher.Mail::subject)
                .containsExactly("Your Depot password was changed", "Reset your Depot password");
    }

    @Test
    void anUnreadableRequestEndsOnTheDeadLetterTopic() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(MailRequested.TOPIC, key, "{not json".getBytes(StandardCharsets.UTF_8)))
                .get();
        EventProbe.Event parked =
                EventProbe.await(MailRequested.TOPIC + ".dlt", e -> key.equals(e.key()), Duration.ofSeconds(60));
        assertThat(parked.value()).isEqualTo("{not json");
        assertThat(parked.headers()).containsKey("kafka_dlt-exception-fqcn");
    }
}
