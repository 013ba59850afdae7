package dev.depot.download.http;

/** Reads entity-tag lists ({@code "a", W/"b"} or {@code *}) as in RFC 9110 §8.8.3. */
final class EntityTags {

    private EntityTags() {}

    /**
     * Whether {@code list} names {@code etag} (a strong, quoted tag). Weak comparison ignores a
     * {@code W/} prefix on the listed tags; strong comparison never matches a weak one.
     */
    static boolean matches(String list, String etag, boolean weak) {
        if (list.strip().equals("*")) {
            return true;
        }
        int i = 0;
        int n = list.length();
        while (i < n) {
            char c = list.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            boolean isWeak = list.startsWith("W/", i);
            int open = isWeak ? i + 2 : i;
            if (open >= n || list.charAt(open) != '"') {
                return false;
            }
            int close = list.indexOf('"', open + 1);
            if (close < 0) {
                return false;
            }
            if ((weak || !isWeak)
                    && etag.regionMatches(0, list, open, close - open + 1)
                    && etag.length() == close - open + 1) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }
}
