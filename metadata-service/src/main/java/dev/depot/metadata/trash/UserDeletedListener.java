package dev.depot.metadata.trash;

import dev.depot.contracts.accounts.v1.UserDeleted;
import dev.depot.contracts.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's files and folders go to the trash, where the purge job deletes them after the
 * retention period (then the account's root folder and ledger go too).
 */
@Component
class UserDeletedListener {

    private static final Logger LOG = LoggerFactory.getLogger(UserDeletedListener.class);

    private final TrashService trash;

    UserDeletedListener(TrashService trash) {
        this.trash = trash;
    }

    @KafkaListener(id = "metadata-user-deleted", topics = UserDeleted.TOPIC)
    void on(EventEnvelope<UserDeleted> event) {
        LOG.info("account {} deleted: its items go to the trash", event.data().userId());
        trash.trashAccount(event.data().userId());
    }
}
