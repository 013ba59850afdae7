package dev.depot.kit.security;

/**
 * Character checks on request text, done with loops: the framework's regular expressions for the
 * same checks ran on every request over the long {@code Authorization} value and cost more than
 * verifying the token itself.
 */
public final class TokenText {

    private static final String BEARER = "bearer ";

    private TokenText() {}

    /** A header value without control characters (tab allowed), as the HTTP firewall requires. */
    public static boolean isPrintable(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header (RFC 6750), {@code null} when the
     * header is absent or of another scheme, or "" when the token is malformed.
     */
    public static String bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length());
        return isToken68(token) ? token : "";
    }

    /** RFC 6750 b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" */
    static boolean isToken68(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean ok = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '+'
                    || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
