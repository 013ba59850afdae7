package dev.depot.contracts.ticket;

/** A ticket that must not be honoured; {@link #reason()} says why, for logs and problem codes. */
public final class InvalidTicketException extends RuntimeException {

    public enum Reason {
        MALFORMED,
        BAD_SIGNATURE,
        EXPIRED
    }

    private final Reason reason;

    InvalidTicketException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
