package dev.depot.auth.account;

import dev.depot.auth.AuthProblem;
import dev.depot.auth.account.OneTimeTokenRepository.Purpose;
import dev.depot.auth.mail.MailRequests;
import dev.depot.auth.password.PasswordPolicy;
import dev.depot.kit.problem.DepotException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten passwords. The request only records {@link PasswordResetRequested} (one insert,
 * whatever the address); the link is made and mailed afterwards. A reset ends every session.
 */
@Service
class PasswordResetService {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResetService.class);

    private final AccountRepository accounts;
    private final OneTimeTokenRepository tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final AccountSessions sessions;
    private final MailRequests mails;
    private final MailCooldown cooldown;
    private final LinkProperties links;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    PasswordResetService(
            AccountRepository accounts,
            OneTimeTokenRepository tokens,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            AccountSessions sessions,
            MailRequests mails,
            MailCooldown cooldown,
            LinkProperties links,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.policy = policy;
        this.passwords = passwords;
        this.sessions = sessions;
        this.mails = mails;
        this.cooldown = cooldown;
        this.links = links;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    void requestReset(String email) {
        tx.executeWithoutResult(s -> events.publishEvent(new PasswordResetRequested(email.strip(), clock.instant())));
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested request) {
        if (request.email().indexOf('@') < 0) {
            return;
        }
        accounts.findByLogin(request.email())
                .filter(a -> cooldown.tryStart(Purpose.RESET_PASSWORD.name(), a.email()))
                .ifPresent(account -> {
                    String token = tokens.issue(
                            account.id(),
                            Purpose.RESET_PASSWORD,
                            account.email(),
                            clock.instant(),
                            links.resetPasswordTtl());
                    mails.resetPassword(
                            account.id(), account.username(), account.email(), token, links.resetPasswordTtl());
                    LOG.info("password reset link made for account {}", account.id());
                });
    }

    void reset(String token, String newPassword) {
        Instant now = clock.instant();
        Account account = tx.execute(s -> {
            Account owner = tokens.redeem(token, Purpose.RESET_PASSWORD, now)
                    .flatMap(r ->
                            accounts.findById(r.userId()).filter(a -> a.email().equalsIgnoreCase(r.email())))
                    .orElseThrow(() -> new DepotException(
                            AuthProblem.TOKEN_INVALID,
                            "This link is not valid: it was used already or has expired. Ask for a new one."));
            // A refused password rolls the redemption back: the link keeps working.
            policy.check(newPassword, owner.username(), owner.email());
            accounts.updatePasswordHash(owner.id(), passwords.encode(newPassword), now);
            tokens.revokeAll(owner.id(), Purpose.RESET_PASSWORD, now);
            mails.passwordChanged(owner.id(), owner.username(), owner.email());
            return owner;
        });
        sessions.endAll(account.id(), null);
        sessions.endSignInLockout(account.id());
        LOG.info("password of account {} reset", account.id());
    }
}
