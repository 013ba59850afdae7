package dev.depot.localinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Secrets for the local run: generated on first start into {@code <data>/secrets/} (owner-only
 * files, never committed) and reused afterwards, so tokens and tickets stay valid across restarts.
 */
final class DevSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DevSecrets() {}

    static Map<String, String> load(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("DEPOT_TICKET_SECRET", read(dir.resolve("ticket-secret"), () -> hex(32)));
        secrets.put("DEPOT_AUTH_SIGNING_KEY", read(dir.resolve("auth-signing-key.pem"), DevSecrets::rsaPem));
        secrets.put("DEPOT_S3_SECRET_KEY", read(dir.resolve("s3-secret-key"), () -> hex(20)));
        return secrets;
    }

    private static String read(Path file, Supplier<String> generator) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, generator.get());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(file).strip();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String rsaPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
