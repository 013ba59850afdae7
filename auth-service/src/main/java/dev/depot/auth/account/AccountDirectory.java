package dev.depot.auth.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Accounts as sign-in needs them: found by login or id, their password hash renewed. */
@Service
public class AccountDirectory {

    private final AccountRepository accounts;

    AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<Account> findById(UUID id) {
        return accounts.findById(id);
    }

    /** By email address if {@code login} has an {@code @}, else by username; any case. */
    public Optional<Account> findByLogin(String login) {
        return accounts.findByLogin(login);
    }

    /** Stores a new hash of the same password (a stronger scheme or cost than it had). */
    public void updatePasswordHash(UUID id, String hash, Instant now) {
        accounts.updatePasswordHash(id, hash, now);
    }
}
