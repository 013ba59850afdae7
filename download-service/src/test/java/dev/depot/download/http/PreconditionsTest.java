package dev.depot.download.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

    private static final String TAG = "\"abc\"";
    private static final Instant MODIFIED = Instant.parse("2026-11-20T08:30:00Z");
    private static final String MODIFIED_TEXT = "Fri, 20 Nov 2026 08:30:00 GMT";

    private static Preconditions.Outcome outcome(
            String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince) {
        return new Preconditions(ifMatch, ifUnmodifiedSince, ifNoneMatch, ifModifiedSince, null)
                .evaluate(TAG, MODIFIED);
    }

    @Test
    void formatsImfFixdate() {
        assertThat(Preconditions.format(MODIFIED)).isEqualTo(MODIFIED_TEXT);
        assertThat(Preconditions.format(Instant.parse("2026-01-03T00:00:00Z")))
                .isEqualTo("Sat, 03 Jan 2026 00:00:00 GMT");
    }

    @Test
    void ifNoneMatchUsesWeakComparisonAndWinsOverDates() {
        assertThat(outcome(null, null, "\"x\", W/\"abc\"", null)).isEqualTo(Preconditions.Outcome.NOT_MODIFIED);
        assertThat(outcome(null, null, "*", null)).isEqualTo(Preconditions.Outcome.NOT_MODIFIED);
        assertThat(outcome(null, null, "\"other\"", MODIFIED_TEXT)).isEqualTo(Preconditions.Outcome.PROCEED);
    }

    @Test
    void ifModifiedSinceComparesDatesAndIgnoresGarbage() {
        assertThat(outcome(null, null, null, MODIFIED_TEXT)).isEqualTo(Preconditions.Outcome.NOT_MODIFIED);
        assertThat(outcome(null, null, null, "Thu, 19 Nov 2026 08:30:00 GMT")).isEqualTo(Preconditions.Outcome.PROCEED);
        assertThat(outcome(null, null, null, "yesterday")).isEqualTo(Preconditions.Outcome.PROCEED);
    }

    @Test
    void ifMatchUsesStrongComparison() {
        assertThat(outcome("\"abc\"", null, null, null)).isEqualTo(Preconditions.Outcome.PROCEED);
        assertThat(outcome("W/\"abc\"", null, null, null)).isEqualTo(Preconditions.Outcome.PRECONDITION_FAILED);
        assertThat(outcome("\"zzz\"", null, null, null)).isEqualTo(Preconditions.Outcome.PRECONDITION_FAILED);
        assertThat(outcome(null, "Thu, 19 Nov 2026 08:30:00 GMT", null, null))
                .isEqualTo(Preconditions.Outcome.PRECONDITION_FAILED);
    }

    @Test
    void ifRangeNeedsAStrongTagOrTheExactDate() {
        assertThat(new Preconditions(null, null, null, null, TAG).rangeApplies(TAG, MODIFIED))
                .isTrue();
        assertThat(new Preconditions(null, null, null, null, "W/\"abc\"").rangeApplies(TAG, MODIFIED))
                .isFalse();
        assertThat(new Preconditions(null, null, null, null, "\"old\"").rangeApplies(TAG, MODIFIED))
                .isFalse();
        assertThat(new Preconditions(null, null, null, null, MODIFIED_TEXT).rangeApplies(TAG, MODIFIED))
                .isTrue();
        assertThat(new Preconditions(null, null, null, null, MODIFIED_TEXT).rangeApplies(TAG, null))
                .isFalse();
    }
}
