package dev.depot.download.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a {@code Range} header asks of a representation of known size (RFC 9110 §14.2). A header in
 * another unit, with a syntax error or with abusive numbers of ranges is ignored (the whole
 * representation is sent), overlapping ranges are merged, and ranges that all start past the end
 * are unsatisfiable (416).
 */
public sealed interface RangeRequest {

    /** More ranges than this in one header are not worth a multipart answer: send it whole. */
    int MAX_RANGES = 100;

    /** Send the whole representation. */
    record Whole() implements RangeRequest {}

    /** Send these ranges, ascending and non-overlapping. */
    record Partial(List<ByteRange> ranges) implements RangeRequest {}

    /** No range can be satisfied. */
    record Unsatisfiable() implements RangeRequest {}

    static RangeRequest of(String header, long size) {
        if (header == null || size == 0 || !header.regionMatches(true, 0, "bytes=", 0, "bytes=".length())) {
            return new Whole();
        }
        String[] specs = header.substring("bytes=".length()).split(",", -1);
        if (specs.length > MAX_RANGES) {
            return new Whole();
        }
        List<ByteRange> ranges = new ArrayList<>();
        boolean any = false;
        for (String raw : specs) {
            String spec = raw.strip();
            if (spec.isEmpty()) {
                continue;
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return new Whole();
            }
            long first = number(spec.substring(0, dash));
            long last = number(spec.substring(dash + 1));
            if (dash == 0) {
                if (last < 0) {
                    return new Whole();
                }
                any = true;
                if (last > 0) {
                    ranges.add(new ByteRange(Math.max(0, size - last), size - 1));
                }
                continue;
            }
            boolean open = dash == spec.length() - 1;
            if (first < 0 || (!open && (last < 0 || last < first))) {
                return new Whole();
            }
            any = true;
            if (first < size) {
                ranges.add(new ByteRange(first, open ? size - 1 : Math.min(last, size - 1)));
            }
        }
        if (!any) {
            return new Whole();
        }
        return ranges.isEmpty() ? new Unsatisfiable() : new Partial(merged(ranges));
    }

    /** Digits only; -1 when not a number; saturates instead of overflowing. */
    private static long number(String digits) {
        if (digits.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
        }
        return value;
    }

    private static List<ByteRange> merged(List<ByteRange> ranges) {
        ranges.sort(Comparator.comparingLong(ByteRange::first));
        List<ByteRange> merged = new ArrayList<>();
        ByteRange current = ranges.getFirst();
        for (ByteRange next : ranges.subList(1, ranges.size())) {
            if (next.first() <= current.last() + 1) {
                current = new ByteRange(current.first(), Math.max(current.last(), next.last()));
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return List.copyOf(merged);
    }
}
