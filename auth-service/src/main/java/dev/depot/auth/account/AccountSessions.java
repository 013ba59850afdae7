package dev.depot.auth.account;

import java.util.UUID;

/**
 * The sessions of an account, as the account's own changes end them (a new password, a reset, a
 * deletion). The session feature implements it, so accounts need not know how sessions work.
 */
public interface AccountSessions {

    /** Ends every session of the account but {@code keep} (null: all of them). */
    void endAll(UUID userId, UUID keep);

    /** Ends the sign-in lockout of an account whose owner proved control of its mailbox. */
    void endSignInLockout(UUID userId);
}
