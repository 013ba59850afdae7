package dev.depot.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local run stores survives a restart: rows, blobs and unconsumed events. */
class LocalInfraRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        LocalInfra.Ports ports = LocalInfra.Ports.free();
        try (LocalInfra infra = LocalInfra.start(dataDir, ports, Map.of())) {
            Map<String, String> v = infra.variables();
            try (Connection c = DriverManager.getConnection(v.get("DEPOT_DB_URL"), "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("create table kept (note text)");
                s.execute("insert into kept values ('still here')");
            }
            byte[] blob = "blob".getBytes();
            s3(v).putObject(PutObjectArgs.builder().bucket("depot").object("kept/blob").stream(
                            new ByteArrayInputStream(blob), (long) blob.length, null)
                    .build());
            Properties p = new Properties();
            p.put("bootstrap.servers", v.get("DEPOT_KAFKA_BOOTSTRAP"));
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("depot.test.kept.v1", "k", "event"))
                        .get();
            }
        }
        try (LocalInfra infra = LocalInfra.start(dataDir, ports, Map.of())) {
            Map<String, String> v = infra.variables();
            try (Connection c = DriverManager.getConnection(v.get("DEPOT_DB_URL"), "postgres", "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select note from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
            try (var in = s3(v).getObject(GetObjectArgs.builder()
                    .bucket("depot")
                    .object("kept/blob")
                    .build())) {
                assertThat(new String(in.readAllBytes())).isEqualTo("blob");
            }
            Properties p = new Properties();
            p.put("bootstrap.servers", v.get("DEPOT_KAFKA_BOOTSTRAP"));
            p.put("group.id", "restart-test");
            p.put("auto.offset.reset", "earliest");
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("depot.test.kept.v1"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertThat(records.iterator().next().value()).isEqualTo("event");
            }
        }
    }

    private static MinioClient s3(Map<String, String> v) {
        return MinioClient.builder()
                .endpoint(v.get("DEPOT_S3_ENDPOINT"))
                .credentials(v.get("DEPOT_S3_ACCESS_KEY"), v.get("DEPOT_S3_SECRET_KEY"))
                .region("us-east-1")
                .build();
    }
}
