package dev.depot.upload.tus;

import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.localinfra.TestInfra;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Tickets, bytes and stored objects for the upload tests. */
@TestComponent
class UploadFixtures {

    private final TicketCodec tickets;
    private final MinioClient s3;

    UploadFixtures(TicketCodec tickets, MinioClient s3) {
        this.tickets = tickets;
        this.s3 = s3;
    }

    static Ticket ticket(long size, Duration validFor) {
        return ticket(size, null, validFor);
    }

    static Ticket ticket(long size, String sha256, Duration validFor) {
        return new Ticket(
                Ticket.Operation.UPLOAD,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                size,
                sha256,
                Instant.now().plus(validFor),
                null);
    }

    String sign(Ticket ticket) {
        return tickets.sign(ticket);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The SHA-256 of the blob's stored object. */
    String storedSha256(UUID blobId) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = s3.getObject(GetObjectArgs.builder()
                .bucket(TestInfra.variables().get("DEPOT_S3_BUCKET"))
                .object(ObjectKeys.blob(blobId))
                .build())) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
