package dev.depot.auth.session;

import dev.depot.auth.AuthProblem;
import dev.depot.auth.account.Account;
import dev.depot.auth.account.AccountDirectory;
import dev.depot.auth.account.AccountSessions;
import dev.depot.auth.token.OpaqueTokens;
import dev.depot.kit.problem.DepotException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in and sessions. A session is a family of refresh tokens: each refresh replaces the token,
 * and presenting a replaced one again (a stolen copy, or the victim after the thief) ends the whole
 * family, unless it comes within the reuse grace and the family has not gone on since (a lost answer). Ended sessions go on the deny list, so their access tokens stop working at once.
 */
@Service
public class SessionService implements AccountSessions {

    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);
    private static final int MAX_LISTED = 100;

    private final AccountDirectory accounts;
    private final SessionRepository sessions;
    private final AccessTokens accessTokens;
    private final RevokedSessions revoked;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwords;
    private final SessionProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** Checked against when the account does not exist, so that both cases take as long. */
    private final String decoyHash;

    SessionService(
            AccountDirectory accounts,
            SessionRepository sessions,
            AccessTokens accessTokens,
            RevokedSessions revoked,
            LoginThrottle throttle,
            PasswordEncoder passwords,
            SessionProperties properties,
            TransactionTemplate tx,
            Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.revoked = revoked;
        this.throttle = throttle;
        this.passwords = passwords;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.decoyHash = passwords.encode(OpaqueTokens.generate());
    }

    Tokens login(String login, String password, ClientInfo client) {
        String normalized = login.strip();
        Optional<Account> found = accounts.findByLogin(normalized);
        String throttleKey = found.map(a -> a.id().toString()).orElse(normalized.toLowerCase(Locale.ROOT));
        throttle.check(throttleKey, client.address());
        boolean matches =
                passwords.matches(password, found.map(Account::passwordHash).orElse(decoyHash));
        if (found.isEmpty() || !matches) {
            throttle.failed(throttleKey, client.address());
            throw new DepotException(AuthProblem.INVALID_CREDENTIALS, "The login or the password is wrong.");
        }
        throttle.succeeded(throttleKey);
        Account account = found.get();
        Instant now = clock.instant();
        if (passwords.upgradeEncoding(account.passwordHash())) {
            accounts.updatePasswordHash(account.id(), passwords.encode(password), now);
        }
        UUID sessionId = UUID.randomUUID();
        String refreshToken = OpaqueTokens.generate();
        tx.executeWithoutResult(s -> {
            sessions.open(sessionId, account.id(), client, now, now.plus(properties.refreshTokenTtl()));
            sessions.addRefreshToken(sessionId, refreshToken, now);
        });
        LOG.info("session {} opened for account {}", sessionId, account.id());
        return tokens(account, sessionId, refreshToken, now);
    }

    Tokens refresh(String refreshToken, ClientInfo client) {
        Instant now = clock.instant();
        String next = OpaqueTokens.generate();
        RefreshOutcome outcome = tx.execute(s -> {
            var target = sessions.lockRefreshToken(refreshToken, now).orElse(null);
            if (target == null || !target.sessionLive()) {
                return new RefreshOutcome(null, null, false);
            }
            if (target.used() && !answerLost(target, now)) {
                sessions.revoke(target.userId(), target.sessionId(), now);
                return new RefreshOutcome(target.sessionId(), target.userId(), true);
            }
            if (target.used()) {
                LOG.info("session {} renewed again: the answer to its last renewal did not arrive", target.sessionId());
            } else {
                sessions.markUsed(refreshToken, now);
            }
            sessions.addRefreshToken(target.sessionId(), next, now);
            sessions.touch(target.sessionId(), client, now, now.plus(properties.refreshTokenTtl()));
            return new RefreshOutcome(target.sessionId(), target.userId(), false);
        });
        if (outcome.reused()) {
            revoked.revoke(List.of(outcome.sessionId()));
            LOG.warn("refresh token reused: session {} of account {} ended", outcome.sessionId(), outcome.userId());
        }
        Account account = outcome.userId() == null || outcome.reused()
                ? null
                : accounts.findById(outcome.userId()).orElse(null);
        if (account == null) {
            throw new DepotException(
                    AuthProblem.REFRESH_TOKEN_INVALID, "The refresh token is not valid any more: sign in again.");
        }
        return tokens(account, outcome.sessionId(), next, now);
    }

    private record RefreshOutcome(UUID sessionId, UUID userId, boolean reused) {}

    /**
     * A replaced token sent again within the grace interval, while nothing came of the token that replaced it, is the
     * client asking again for an answer it never got; the grace runs from the first replacement and is not extended.
     */
    private boolean answerLost(SessionRepository.RefreshTarget target, Instant now) {
        return target.usedAt().plus(properties.reuseGrace()).isAfter(now)
                && !sessions.replacedSince(target.sessionId(), target.usedAt());
    }

    void logout(UUID userId, UUID sessionId) {
        if (sessions.revoke(userId, sessionId, clock.instant())) {
            revoked.revoke(List.of(sessionId));
            LOG.info("session {} ended by its owner", sessionId);
        }
    }

    /** Ends the session a refresh token belongs to, whether or not the token was replaced since. */
    void logout(String refreshToken) {
        sessions.findRefreshToken(refreshToken).ifPresent(target -> logout(target.userId(), target.sessionId()));
    }

    void end(UUID userId, UUID sessionId) {
        if (!sessions.revoke(userId, sessionId, clock.instant())) {
            throw new DepotException(AuthProblem.SESSION_NOT_FOUND, "No live session of yours has this id.");
        }
        revoked.revoke(List.of(sessionId));
        LOG.info("session {} ended by its owner", sessionId);
    }

    /** Ends every session of the account but {@code keep} (null: all of them). */
    @Override
    public void endAll(UUID userId, UUID keep) {
        List<UUID> ended = sessions.revokeAll(userId, keep, clock.instant());
        revoked.revoke(ended);
        LOG.info("{} sessions of account {} ended", ended.size(), userId);
    }

    /**
     * Ends the sign-in lockout of an account whose owner proved control of its mailbox (a password
     * reset); the limit per client address stays.
     */
    @Override
    public void endSignInLockout(UUID userId) {
        throttle.succeeded(userId.toString());
    }

    List<Session> list(UUID userId) {
        return sessions.live(userId, clock.instant(), MAX_LISTED);
    }

    /** Ended and expired sessions are kept a day (reuse detection), then deleted. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteEndedSessions() {
        int deleted = sessions.deleteEnded(clock.instant().minus(Duration.ofDays(1)));
        LOG.info("{} ended sessions deleted", deleted);
    }

    private Tokens tokens(Account account, UUID sessionId, String refreshToken, Instant now) {
        return new Tokens(
                accessTokens.issue(account, sessionId, now),
                "Bearer",
                properties.accessTokenTtl().toSeconds(),
                refreshToken,
                properties.refreshTokenTtl().toSeconds(),
                sessionId);
    }
}
