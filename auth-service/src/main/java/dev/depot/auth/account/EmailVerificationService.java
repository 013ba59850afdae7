package dev.depot.auth.account;

import dev.depot.auth.AuthProblem;
import dev.depot.auth.account.OneTimeTokenRepository.Purpose;
import dev.depot.kit.problem.DepotException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows a verification link: the address it was sent to becomes the account's verified address. A
 * link sent to an address the account has since moved away from no longer works.
 */
@Service
class EmailVerificationService {

    private static final Logger LOG = LoggerFactory.getLogger(EmailVerificationService.class);

    private final AccountRepository accounts;
    private final OneTimeTokenRepository tokens;
    private final TransactionTemplate tx;
    private final Clock clock;

    EmailVerificationService(
            AccountRepository accounts, OneTimeTokenRepository tokens, TransactionTemplate tx, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.tx = tx;
        this.clock = clock;
    }

    Account verify(String token) {
        Instant now = clock.instant();
        Account verified = tx.execute(s -> tokens.redeem(token, Purpose.VERIFY_EMAIL, now)
                .flatMap(redeemed -> accounts.findById(redeemed.userId())
                        .filter(a -> redeemed.email().equalsIgnoreCase(a.email())
                                || redeemed.email().equalsIgnoreCase(a.pendingEmail()))
                        .map(a -> {
                            accounts.markVerified(a.id(), redeemed.email(), now);
                            return a;
                        }))
                .orElse(null));
        if (verified == null) {
            throw invalid();
        }
        LOG.info("email address of account {} verified", verified.id());
        return accounts.findById(verified.id()).orElseThrow(EmailVerificationService::invalid);
    }

    private static DepotException invalid() {
        return new DepotException(
                AuthProblem.TOKEN_INVALID,
                "This link is not valid: it was used already, has expired or was replaced by a newer one.");
    }
}
