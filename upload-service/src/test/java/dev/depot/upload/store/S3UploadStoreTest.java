package dev.depot.upload.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.ObjectKeys;
import dev.depot.kit.storage.S3Properties;
import dev.depot.localinfra.TestInfra;
import io.minio.GetObjectArgs;
import io.minio.ListMultipartUploadsArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The S3 multipart store on the real object store and database. */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class S3UploadStoreTest {

    @Autowired
    UploadStore store;

    @Autowired
    UploadProgress progress;

    @Autowired
    StoreProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MinioClient s3;

    @Autowired
    S3Properties s3Properties;

    /**
     * Two writers at one offset (the second as another instance would, not knowing the first had
     * started the multipart upload) store their parts in one multipart upload, so that whichever
     * records its bytes, the upload completes from what the database says.
     */
    @Test
    void writersAtOneOffsetShareOneMultipartUpload() throws Exception {
        int partSize = (int) properties.partSize().toBytes();
        byte[] data = new byte[partSize + 1000];
        new Random(3).nextBytes(data);
        UUID id = UUID.randomUUID();
        UUID blobId = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            insertSession(id, blobId, data.length);
            store.create(id, blobId, data.length);
        });

        int first = partSize + 10;
        try (UploadStore.Write winner = store.write(id, 0, slice(data, 0, first), false);
                UploadStore.Write loser = store.write(id, 0, slice(data, 0, first), false)) {
            winner.keep();
            loser.keep();
            tx.executeWithoutResult(s -> winner.record());
        }
        assertThat(multipartUploads(ObjectKeys.blob(blobId))).isEqualTo(1);

        progress.forget(id);
        try (UploadStore.Write last = store.write(id, first, slice(data, first, data.length), false)) {
            UploadStore.Finished finished = last.finish(true);
            assertThat(finished.size()).isEqualTo(data.length);
            assertThat(finished.sha256()).isEqualTo(sha256(data));
            tx.executeWithoutResult(s -> last.record());
        }
        try (InputStream in = s3.getObject(GetObjectArgs.builder()
                .bucket(TestInfra.variables().get("DEPOT_S3_BUCKET"))
                .object(ObjectKeys.blob(blobId))
                .build())) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(data));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM stored_uploads WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private int multipartUploads(String key) throws Exception {
        MinioAsyncClient client = MinioAsyncClient.builder()
                .endpoint(s3Properties.endpoint().toString())
                .credentials(s3Properties.accessKey(), s3Properties.secretKey())
                .region(s3Properties.region())
                .build();
        return client.listMultipartUploads(ListMultipartUploadsArgs.builder()
                        .bucket(s3Properties.bucket())
                        .prefix(key)
                        .build())
                .get()
                .result()
                .uploads()
                .size();
    }

    private void insertSession(UUID id, UUID blobId, long length) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
        INSERT INTO sessions (id, file_id, version_id, blob_id, owner_id, length, expires_at,
          created_at, updated_at)
        VALUES (:id, :file, :version, :blob, :owner, :length, :now, :now, :now)""")
                .param("id", id)
                .param("file", UUID.randomUUID())
                .param("version", UUID.randomUUID())
                .param("blob", blobId)
                .param("owner", UUID.randomUUID())
                .param("length", length)
                .param("now", now)
                .update();
    }

    private static InputStream slice(byte[] data, int from, int to) {
        return new ByteArrayInputStream(Arrays.copyOfRange(data, from, to));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
