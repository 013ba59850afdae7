package dev.depot.auth.mail;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.mail.v1.MailRequested;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The mailer: sends each requested email once. A redelivered event (same id) is skipped; a mail
 * server that refuses makes the record retry with backoff and end on the dead-letter topic.
 */
@Component
class MailRequestedListener {

    private static final Logger LOG = LoggerFactory.getLogger(MailRequestedListener.class);
    private static final Duration REMEMBER_SENT = Duration.ofDays(7);

    private final MailTemplates templates;
    private final Mailer mailer;
    private final StringRedisTemplate redis;

    MailRequestedListener(MailTemplates templates, Mailer mailer, StringRedisTemplate redis) {
        this.templates = templates;
        this.mailer = mailer;
        this.redis = redis;
    }

    @KafkaListener(id = "mailer", topics = MailRequested.TOPIC)
    void on(EventEnvelope<MailRequested> event) {
        String sentKey = "depot:mail-sent:" + event.id();
        if (Boolean.TRUE.equals(redis.hasKey(sentKey))) {
            LOG.info("mail {} already sent, skipped", event.id());
            return;
        }
        Mail mail = templates.render(event.data());
        mailer.send(mail);
        redis.opsForValue().set(sentKey, "1", REMEMBER_SENT);
        LOG.info("mail {} sent: template {}", event.id(), event.data().template());
    }
}
