package dev.depot.upload.tus;

import dev.depot.kit.problem.DepotException;
import dev.depot.upload.UploadProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Upload-Metadata}: comma-separated pairs of a key and a base64 value (the value may be
 * absent). The {@code ticket} pair authorises the upload and is never echoed back.
 *
 * @param ticket the ticket's value, or null
 * @param echo the header without the ticket pair, as {@code HEAD} returns it (null if empty)
 */
record UploadMetadata(String ticket, String echo) {

    static final String TICKET = "ticket";

    static UploadMetadata parse(String header) {
        if (header == null || header.isBlank()) {
            return new UploadMetadata(null, null);
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        for (String pair : header.split(",", -1)) {
            String[] parts = pair.trim().split(" ", -1);
            String key = parts[0];
            if (parts.length > 2 || key.isEmpty() || !key.chars().allMatch(c -> c > 32 && c < 127)) {
                throw invalid("Each pair is a key and an optional base64 value, separated by a space.");
            }
            if (values.containsKey(key)) {
                throw invalid("The key " + key + " appears twice.");
            }
            values.put(key, parts.length == 2 ? decode(key, parts[1]) : "");
            if (!key.equals(TICKET)) {
                kept.add(pair.trim());
            }
        }
        return new UploadMetadata(values.get(TICKET), kept.isEmpty() ? null : String.join(",", kept));
    }

    private static String decode(String key, String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("The value of " + key + " is not base64.");
        }
    }

    private static DepotException invalid(String detail) {
        return new DepotException(UploadProblem.INVALID_METADATA, detail);
    }
}
