package dev.depot.download.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Evaluates conditional request headers against a representation's strong entity tag and
 * modification time, in the order RFC 9110 §13.2.2 prescribes. Headers that cannot be parsed are
 * ignored, as the RFC asks.
 *
 * @param ifMatch {@code If-Match}, or null
 * @param ifUnmodifiedSince {@code If-Unmodified-Since}, or null
 * @param ifNoneMatch {@code If-None-Match}, or null
 * @param ifModifiedSince {@code If-Modified-Since}, or null
 * @param ifRange {@code If-Range}, or null
 */
public record Preconditions(
        String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince, String ifRange) {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    /** What to answer before looking at ranges. */
    public enum Outcome {
        PROCEED,
        NOT_MODIFIED,
        PRECONDITION_FAILED
    }

    /**
     * @param etag the strong entity tag, quoted
     * @param lastModified when the representation was made, or null if unknown
     */
    public Outcome evaluate(String etag, Instant lastModified) {
        if (ifMatch != null) {
            if (!EntityTags.matches(ifMatch, etag, false)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (ifUnmodifiedSince != null && lastModified != null) {
            Instant since = date(ifUnmodifiedSince);
            if (since != null && lastModified.isAfter(since)) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        if (ifNoneMatch != null) {
            return EntityTags.matches(ifNoneMatch, etag, true) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        if (ifModifiedSince != null && lastModified != null) {
            Instant since = date(ifModifiedSince);
            if (since != null && !lastModified.isAfter(since)) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether a {@code Range} may be honoured: always without {@code If-Range}; with it, only if it
     * names the current representation (a strong tag match, or exactly its modification date).
     */
    public boolean rangeApplies(String etag, Instant lastModified) {
        if (ifRange == null) {
            return true;
        }
        String validator = ifRange.strip();
        if (validator.startsWith("\"") || validator.startsWith("W/")) {
            return !validator.startsWith("W/") && validator.equals(etag);
        }
        Instant date = date(validator);
        return date != null && lastModified != null && date.equals(lastModified);
    }

    /** An HTTP date in IMF-fixdate form. */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant.atZone(ZoneOffset.UTC));
    }

    /** Parses IMF-fixdate (and RFC 1123 variants); null if unreadable. */
    private static Instant date(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
