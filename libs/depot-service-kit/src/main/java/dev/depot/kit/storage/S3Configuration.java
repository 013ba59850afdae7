package dev.depot.kit.storage;

import io.minio.BucketExistsArgs;
import io.minio.Http;
import io.minio.MinioClient;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The S3 client of services that move blobs, and a health check on their bucket. */
@AutoConfiguration
@ConditionalOnClass(MinioClient.class)
@ConditionalOnProperty("depot.s3.endpoint")
@EnableConfigurationProperties(S3Properties.class)
public class S3Configuration {

    /**
     * Calls to the store waiting for its answer at once; more wait in line, holding nothing.
     * minio-java runs every call through OkHttp's dispatcher, whose default of 5 per host queued all
     * of a service's storage calls behind five; thousands at once only flood the store.
     */
    static final int MAX_REQUESTS = 256;

    /** Idle connections kept for reuse, so that bursts do not reconnect for every call. */
    static final int IDLE_CONNECTIONS = 256;

    @Bean
    MinioClient minioClient(S3Properties properties) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_REQUESTS);
        dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
        OkHttpClient http = Http.newDefaultClient()
                .newBuilder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .build();
        return MinioClient.builder()
                .endpoint(properties.endpoint().toString())
                .credentials(properties.accessKey(), properties.secretKey())
                .region(properties.region())
                .httpClient(http, true)
                .build();
    }

    @Bean
    HealthIndicator s3HealthIndicator(MinioClient client, S3Properties properties) {
        return () -> {
            try {
                boolean exists = client.bucketExists(
                        BucketExistsArgs.builder().bucket(properties.bucket()).build());
                return exists
                        ? Health.up().build()
                        : Health.down().withDetail("reason", "bucket missing").build();
            } catch (Exception e) {
                return Health.down()
                        .withDetail("reason", e.getClass().getSimpleName())
                        .build();
            }
        };
    }
}
