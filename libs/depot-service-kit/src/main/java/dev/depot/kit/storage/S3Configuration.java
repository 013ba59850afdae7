package dev.depot.kit.storage;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
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

  @Bean
  MinioClient minioClient(S3Properties properties) {
    return MinioClient.builder()
        .endpoint(properties.endpoint().toString())
        .credentials(properties.accessKey(), properties.secretKey())
        .region(properties.region())
        .build();
  }

  @Bean
  HealthIndicator s3HealthIndicator(MinioClient client, S3Properties properties) {
    return () -> {
      try {
        boolean exists = client.bucketExists(
            BucketExistsArgs.builder().bucket(properties.bucket()).build());
        return exists ? Health.up().build()
            : Health.down().withDetail("reason", "bucket missing").build();
      } catch (Exception e) {
        return Health.down().withDetail("reason", e.getClass().getSimpleName()).build();
      }
    };
  }
}
