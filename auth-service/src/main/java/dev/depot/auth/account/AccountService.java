package dev.depot.auth.account;

import dev.depot.auth.AuthProblem;
import dev.depot.auth.account.OneTimeTokenRepository.Purpose;
import dev.depot.auth.mail.MailRequests;
import dev.depot.auth.password.PasswordPolicy;
import dev.depot.auth.token.Caller;
import dev.depot.contracts.accounts.v1.UserDeleted;
import dev.depot.contracts.accounts.v1.UserRegistered;
import dev.depot.kit.events.EventPublisher;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts: sign-up, profile, password change and deletion. Every change that others must learn of
 * ({@code user-registered}, {@code user-deleted}, mails) is published in the same transaction.
 */
@Service
class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final OneTimeTokenRepository tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final AccountSessions sessions;
    private final MailRequests mails;
    private final MailCooldown cooldown;
    private final EventPublisher events;
    private final LinkProperties links;
    private final TransactionTemplate tx;
    private final Clock clock;

    AccountService(
            AccountRepository accounts,
            OneTimeTokenRepository tokens,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            AccountSessions sessions,
            MailRequests mails,
            MailCooldown cooldown,
            EventPublisher events,
            LinkProperties links,
            TransactionTemplate tx,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.policy = policy;
        this.passwords = passwords;
        this.sessions = sessions;
        this.mails = mails;
        this.cooldown = cooldown;
        this.events = events;
        this.links = links;
        this.tx = tx;
        this.clock = clock;
    }

    Account signup(String email, String username, String password) {
        String address = email.strip();
        String name = Normalizer.normalize(username.strip(), Normalizer.Form.NFC);
        policy.check(password, name, address);
        Instant now = clock.instant();
        Account account =
                new Account(UUID.randomUUID(), name, address, passwords.encode(password), null, null, now, now);
        tx.executeWithoutResult(s -> {
            accounts.insert(account);
            events.publish(
                    UserRegistered.TYPE, account.id().toString(), new UserRegistered(account.id(), name, address, now));
            sendVerification(account, address, now);
        });
        cooldown.tryStart(Purpose.VERIFY_EMAIL.name(), address);
        LOG.info("account {} registered", account.id());
        return account;
    }

    Account get(UUID userId) {
        return accounts.findById(userId)
                .orElseThrow(() -> new DepotException(CommonProblem.UNAUTHENTICATED, "This account no longer exists."));
    }

    Account update(UUID userId, String username, String email) {
        Account account = get(userId);
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            if (username != null && !username.strip().equals(account.username())) {
                accounts.updateUsername(userId, Normalizer.normalize(username.strip(), Normalizer.Form.NFC), now);
            }
            if (email != null && !email.strip().equalsIgnoreCase(account.email())) {
                String address = email.strip();
                if (accounts.emailInUse(address, userId)) {
                    throw new DepotException(AuthProblem.EMAIL_TAKEN, "That email address belongs to another account.");
                }
                accounts.updatePendingEmail(userId, address, now);
                sendVerification(account, address, now);
            }
        });
        return get(userId);
    }

    void resendVerification(UUID userId) {
        Account account = get(userId);
        String address = account.pendingEmail() != null ? account.pendingEmail() : account.email();
        if (account.emailVerified() && account.pendingEmail() == null) {
            return;
        }
        if (!cooldown.tryStart(Purpose.VERIFY_EMAIL.name(), address)) {
            throw new DepotException(
                    AuthProblem.TOO_MANY_ATTEMPTS,
                    "A verification email was just sent. Wait a minute before asking again.",
                    Map.of(DepotException.RETRY_AFTER, MailCooldown.PERIOD.toSeconds()));
        }
        tx.executeWithoutResult(s -> sendVerification(account, address, clock.instant()));
    }

    void changePassword(Caller caller, String currentPassword, String newPassword) {
        Account account = confirmed(caller.userId(), currentPassword);
        policy.check(newPassword, account.username(), account.email());
        String hash = passwords.encode(newPassword);
        tx.executeWithoutResult(s -> {
            accounts.updatePasswordHash(account.id(), hash, clock.instant());
            mails.passwordChanged(account.id(), account.username(), account.email());
        });
        sessions.endAll(account.id(), caller.sessionId());
        LOG.info("password of account {} changed", account.id());
    }

    void delete(UUID userId, String password) {
        Account account = confirmed(userId, password);
        sessions.endAll(userId, null);
        tx.executeWithoutResult(s -> {
            accounts.delete(userId);
            events.publish(UserDeleted.TYPE, userId.toString(), new UserDeleted(userId, clock.instant()));
        });
        LOG.info("account {} deleted", account.id());
    }

    private Account confirmed(UUID userId, String password) {
        Account account = get(userId);
        if (!passwords.matches(password, account.passwordHash())) {
            throw new DepotException(AuthProblem.WRONG_PASSWORD, "The current password is wrong.");
        }
        return account;
    }

    private void sendVerification(Account account, String address, Instant now) {
        String token = tokens.issue(account.id(), Purpose.VERIFY_EMAIL, address, now, links.verifyEmailTtl());
        mails.verifyEmail(account.id(), account.username(), address, token, links.verifyEmailTtl());
    }
}
