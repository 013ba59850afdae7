package dev.depot.upload.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.files.v1.BlobsReleased;
import dev.depot.localinfra.TestInfra;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Released blobs leave the real object store; unknown ones are no error. */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlobsReleasedListenerTest {

    @Autowired
    MinioClient s3;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void releasedBlobsAreDeleted() throws Exception {
        String bucket = TestInfra.variables().get("DEPOT_S3_BUCKET");
        UUID kept = UUID.randomUUID();
        UUID released = UUID.randomUUID();
        for (UUID blob : List.of(kept, released)) {
            for (String key : List.of(ObjectKeys.blob(blob), ObjectKeys.preview(blob, "small"))) {
                s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(
                                new ByteArrayInputStream(new byte[] {1, 2, 3}), 3L, null)
                        .build());
            }
        }
        BlobsReleased data = new BlobsReleased(null, List.of(released, UUID.randomUUID()), Instant.now());
        kafka.send(
                        BlobsReleased.TOPIC,
                        released.toString(),
                        JsonMapper.builder()
                                .build()
                                .writeValueAsBytes(EventEnvelope.of(
                                        BlobsReleased.TYPE, "/test", released.toString(), data, Instant.now())))
                .get();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String preview = ObjectKeys.preview(released, "small");
        while (exists(bucket, preview) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(exists(bucket, ObjectKeys.blob(released))).isFalse();
        assertThat(exists(bucket, preview)).isFalse();
        assertThat(exists(bucket, ObjectKeys.blob(kept))).isTrue();
        assertThat(exists(bucket, ObjectKeys.preview(kept, "small"))).isTrue();
    }

    private boolean exists(String bucket, String key) throws Exception {
        try {
            s3.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            return false;
        }
    }
}
