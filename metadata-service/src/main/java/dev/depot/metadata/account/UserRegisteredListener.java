package dev.depot.metadata.account;

import dev.depot.contracts.accounts.v1.UserRegistered;
import dev.depot.contracts.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A new account gets its root folder and quota ledger (once, however often the event comes). */
@Component
class UserRegisteredListener {

    private static final Logger LOG = LoggerFactory.getLogger(UserRegisteredListener.class);

    private final AccountDirectory accounts;

    UserRegisteredListener(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @KafkaListener(id = "metadata-user-registered", topics = UserRegistered.TOPIC)
    void on(EventEnvelope<UserRegistered> event) {
        LOG.info("account {} registered", event.data().userId());
        accounts.ensure(event.data().userId(), event.data().username());
    }
}
