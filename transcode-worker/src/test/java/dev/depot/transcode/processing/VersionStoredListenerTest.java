package dev.depot.transcode.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.files.v1.VersionStored;
import dev.depot.contracts.processing.v1.VersionProcessed;
import dev.depot.contracts.processing.v1.VersionProcessed.Outcome;
import dev.depot.contracts.processing.v1.VersionProcessed.Preview;
import dev.depot.localinfra.EventProbe;
import dev.depot.localinfra.TestInfra;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Post-processing end to end on real Kafka and a real S3 server: a VersionStored event in, the
 * previews in the bucket and a VersionProcessed event out.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VersionStoredListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The published contract of the report, as depot-contracts ships it. */
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(VersionProcessed.class.getResourceAsStream("/schemas/" + VersionProcessed.TOPIC + ".json"));

    @Autowired
    MinioClient s3;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void aPngDeclaredAsTextGetsItsTypeDigestAndPreviews() throws Exception {
        byte[] png = TestImages.png(1600, 900);

        VersionProcessed report = process(png, "text/plain", null);

        assertThat(report.mimeType()).isEqualTo("image/png");
        assertThat(report.sha256()).isEqualTo(TestImages.sha256(png));
        assertThat(report.outcome()).isEqualTo(Outcome.READY);
        assertThat(report.failure()).isNull();
        assertThat(report.previews())
                .extracting(Preview::kind, Preview::width, Preview::height)
                .containsExactly(tuple("small", 256, 144), tuple("large", 1024, 576));
        for (Preview preview : report.previews()) {
            assertThat(preview.objectKey()).isEqualTo(ObjectKeys.preview(report.blobId(), preview.kind()));
            assertThat(preview.contentType()).isEqualTo("image/jpeg");
            byte[] jpeg = object(preview.objectKey());
            assertThat(TestImages.format(jpeg)).isEqualToIgnoringCase("jpeg");
            BufferedImage image = TestImages.decode(jpeg);
            assertThat(image.getWidth()).isEqualTo(preview.width());
            assertThat(image.getHeight()).isEqualTo(preview.height());
            assertThat(TestImages.isRed(image.getRGB(image.getWidth() / 2, image.getHeight() / 2)))
                    .isTrue();
        }
    }

    @Test
    void aPdfGetsItsFirstPageAsPreviews() throws Exception {
        byte[] pdf = TestImages.pdf();

        VersionProcessed report = process(pdf, "application/pdf", TestImages.sha256(pdf));

        assertThat(report.mimeType()).isEqualTo("application/pdf");
        assertThat(report.outcome()).isEqualTo(Outcome.READY);
        assertThat(report.previews()).extracting(Preview::kind).containsExactly("small", "large");
        Preview large = report.previews().get(1);
        assertThat(large.height()).isEqualTo(1024);
        assertThat(large.width()).isBetween(720, 726); // A4 is 595 × 842 pt
        assertThat(report.previews().get(0).height()).isEqualTo(256);
        BufferedImage page = TestImages.decode(object(large.objectKey()));
        assertThat(page.getHeight()).isEqualTo(1024);
        // The black bar at the top of the page (y 51 to 173 px) was drawn; the margin is white.
        assertThat(page.getRGB(page.getWidth() / 2, 100) & 0xFFFFFF).isLessThan(0x202020);
        assertThat(page.getRGB(10, 500) & 0xFFFFFF).isGreaterThan(0xF0F0F0);
    }

    @Test
    void aCorruptPngIsReportedAsPreviewFailed() throws Exception {
        byte[] broken = TestImages.corruptPng();

        VersionProcessed report = process(broken, "image/png", null);

        assertThat(report.mimeType()).isEqualTo("image/png");
        assertThat(report.sha256()).isEqualTo(TestImages.sha256(broken));
        assertThat(report.outcome()).isEqualTo(Outcome.PREVIEW_FAILED);
        assertThat(report.failure()).isEqualTo("the image could not be decoded");
        assertThat(report.previews()).isEmpty();
        assertThat(exists(ObjectKeys.preview(report.blobId(), "small"))).isFalse();
    }

    @Test
    void aZipIsReadyWithoutPreviewsAndWithTheRealDigest() throws Exception {
        byte[] zip = MimeSnifferTest.zip();

        // The announced digest is wrong: the worker reports the digest of the stored bytes.
        VersionProcessed report = process(zip, "application/zip", "f".repeat(64));

        assertThat(report.mimeType()).isEqualTo("application/zip");
        assertThat(report.sha256()).isEqualTo(TestImages.sha256(zip));
        assertThat(report.outcome()).isEqualTo(Outcome.READY);
        assertThat(report.previews()).isEmpty();
    }

    @Test
    void plainTextIsReadyWithoutPreviews() throws Exception {
        byte[] text = "shopping list\n- milk\n".getBytes(StandardCharsets.UTF_8);

        VersionProcessed report = process(text, "text/plain", TestImages.sha256(text));

        assertThat(report.mimeType()).isEqualTo("text/plain");
        assertThat(report.sha256()).isEqualTo(TestImages.sha256(text));
        assertThat(report.outcome()).isEqualTo(Outcome.READY);
        assertThat(report.previews()).isEmpty();
    }

    @Test
    void aRecordThatIsNoEnvelopeEndsOnTheDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();

        kafka.send(VersionStored.TOPIC, key, "this is no event".getBytes(StandardCharsets.UTF_8))
                .get();

        EventProbe.Event dead = EventProbe.await(VersionStored.TOPIC + ".dlt", e -> key.equals(e.key()), WAIT);
        assertThat(dead.value()).isEqualTo("this is no event");
        assertThat(dead.headers()).containsKey("kafka_dlt-exception-message");
    }

    @Test
    void aBlobThatIsGoneIsSkippedWithoutReportOrDelay() throws Exception {
        VersionStored gone = new VersionStored(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                10,
                "text/plain",
                null,
                1,
                Instant.now());
        announce(gone);

        // the record after it is processed, and the missing blob is neither reported nor retried
        // into the dead-letter topic (retries would park it there after 7.5 s)
        process("after the missing one".getBytes(StandardCharsets.UTF_8), "text/plain", null);
        assertThatThrownBy(() -> EventProbe.await(
                        VersionStored.TOPIC + ".dlt",
                        e -> e.value().contains(gone.versionId().toString()),
                        Duration.ofSeconds(10)))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> EventProbe.await(
                        VersionProcessed.TOPIC,
                        e -> e.value().contains(gone.versionId().toString()),
                        Duration.ofSeconds(1)))
                .isInstanceOf(AssertionError.class);
    }

    /** Stores the bytes as a new blob, announces them and waits for the worker's report. */
    private VersionProcessed process(byte[] bytes, String declared, String sha256) throws Exception {
        UUID blobId = UUID.randomUUID();
        s3.putObject(PutObjectArgs.builder().bucket(bucket()).object(ObjectKeys.blob(blobId)).stream(
                        new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
                .build());
        VersionStored stored = new VersionStored(
                UUID.randomUUID(),
                UUID.randomUUID(),
                blobId,
                UUID.randomUUID(),
                bytes.length,
                declared,
                sha256,
                1,
                Instant.now());
        String key = stored.fileId().toString();
        announce(stored);

        EventProbe.Event event = EventProbe.await(
                VersionProcessed.TOPIC,
                e -> e.value().contains(stored.versionId().toString()),
                WAIT);
        assertThat(event.key()).isEqualTo(key);
        JsonNode envelope = JSON.readTree(event.value());
        assertThat(SCHEMA.validate(envelope)).as(event.value()).isEmpty();
        assertThat(envelope.get("type").asString()).isEqualTo(VersionProcessed.TOPIC);
        assertThat(envelope.get("subject").asString()).isEqualTo(key);
        VersionProcessed report = JSON.treeToValue(envelope.get("data"), VersionProcessed.class);
        assertThat(report.versionId()).isEqualTo(stored.versionId());
        assertThat(report.fileId()).isEqualTo(stored.fileId());
        assertThat(report.blobId()).isEqualTo(blobId);
        return report;
    }

    private void announce(VersionStored stored) throws Exception {
        String key = stored.fileId().toString();
        kafka.send(
                        VersionStored.TOPIC,
                        key,
                        JSON.writeValueAsBytes(
                                EventEnvelope.of(VersionStored.TYPE, "/test", key, stored, Instant.now())))
                .get();
    }

    private String bucket() throws Exception {
        return TestInfra.variables().get("DEPOT_S3_BUCKET");
    }

    private byte[] object(String key) throws Exception {
        try (InputStream in = s3.getObject(
                GetObjectArgs.builder().bucket(bucket()).object(key).build())) {
            return in.readAllBytes();
        }
    }

    private boolean exists(String key) throws Exception {
        try {
            s3.statObject(StatObjectArgs.builder().bucket(bucket()).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            return false;
        }
    }
}
