package dev.depot.download.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangeRequestTest {

    private static RangeRequest parse(String header) {
        return RangeRequest.of(header, 1000);
    }

    private static List<ByteRange> ranges(String header) {
        assertThat(parse(header)).isInstanceOf(RangeRequest.Partial.class);
        return ((RangeRequest.Partial) parse(header)).ranges();
    }

    @Test
    void readsClosedOpenAndSuffixRanges() {
        assertThat(ranges("bytes=0-99")).containsExactly(new ByteRange(0, 99));
        assertThat(ranges("bytes=900-")).containsExactly(new ByteRange(900, 999));
        assertThat(ranges("bytes=-100")).containsExactly(new ByteRange(900, 999));
        assertThat(ranges("BYTES=10-10")).containsExactly(new ByteRange(10, 10));
    }

    @Test
    void clampsRangesPastTheEnd() {
        assertThat(ranges("bytes=990-5000")).containsExactly(new ByteRange(990, 999));
        assertThat(ranges("bytes=-5000")).containsExactly(new ByteRange(0, 999));
        assertThat(ranges("bytes=0-99999999999999999999999")).containsExactly(new ByteRange(0, 999));
    }

    @Test
    void mergesOverlappingAndAdjacentRangesInOrder() {
        assertThat(ranges("bytes=500-599, 0-9,5-20 ,21-30"))
                .containsExactly(new ByteRange(0, 30), new ByteRange(500, 599));
        assertThat(ranges("bytes=0-1,3-4")).hasSize(2);
    }

    @Test
    void dropsUnsatisfiableRangesAndRefusesWhenNoneRemain() {
        assertThat(ranges("bytes=1000-1001,0-0")).containsExactly(new ByteRange(0, 0));
        assertThat(parse("bytes=1000-")).isInstanceOf(RangeRequest.Unsatisfiable.class);
        assertThat(parse("bytes=-0")).isInstanceOf(RangeRequest.Unsatisfiable.class);
        assertThat(parse("bytes=99999999999999999999-")).isInstanceOf(RangeRequest.Unsatisfiable.class);
    }

    @Test
    void ignoresHeadersItCannotRead() {
        for (String header : new String[] {
            null,
            "",
            "items=0-1",
            "bytes=",
            "bytes=5-2",
            "bytes=a-b",
            "bytes=1",
            "bytes=--1",
            "bytes=+1-2",
            "bytes=0-1,x"
        }) {
            assertThat(parse(header)).as(header).isInstanceOf(RangeRequest.Whole.class);
        }
        assertThat(RangeRequest.of("bytes=0-1", 0)).isInstanceOf(RangeRequest.Whole.class);
    }

    @Test
    void ignoresAbusiveNumbersOfRanges() {
        String many = "bytes=" + "0-0,".repeat(RangeRequest.MAX_RANGES) + "0-0";
        assertThat(parse(many)).isInstanceOf(RangeRequest.Whole.class);
    }
}
