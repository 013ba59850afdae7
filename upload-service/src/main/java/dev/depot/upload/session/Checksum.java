package dev.depot.upload.session;

import dev.depot.kit.problem.DepotException;
import dev.depot.upload.UploadProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A request's {@code Upload-Checksum}: the digest its body must have. */
public record Checksum(String algorithm, byte[] expected) {

    /** tus names and the JDK's. */
    private static final Map<String, String> ALGORITHMS = Map.of("sha1", "SHA-1", "sha256", "SHA-256", "md5", "MD5");

    /** The tus names, sorted, as {@code Tus-Checksum-Algorithm} lists them. */
    public static final List<String> SUPPORTED =
            ALGORITHMS.keySet().stream().sorted().toList();

    /** Parses {@code "<algorithm> <base64 digest>"}; null when the header is absent. */
    public static Checksum parse(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.trim().split(" ", -1);
        if (parts.length != 2) {
            throw new DepotException(
                    UploadProblem.INVALID_HEADER,
                    "Upload-Checksum is an algorithm and a base64 digest separated by a space.");
        }
        if (!ALGORITHMS.containsKey(parts[0])) {
            throw new DepotException(
                    UploadProblem.CHECKSUM_ALGORITHM,
                    "Supported checksum algorithms: " + String.join(", ", SUPPORTED) + ".",
                    Map.of("supported", SUPPORTED));
        }
        try {
            return new Checksum(parts[0], Base64.getDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new DepotException(UploadProblem.INVALID_HEADER, "The Upload-Checksum digest is not base64.");
        }
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(ALGORITHMS.get(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    boolean matches(MessageDigest digest) {
        return MessageDigest.isEqual(expected, digest.digest());
    }
}
