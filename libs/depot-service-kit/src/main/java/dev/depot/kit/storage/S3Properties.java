package dev.depot.kit.storage;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where blobs live: MinIO in compose, any S3-compatible server elsewhere. */
@ConfigurationProperties("depot.s3")
@Validated
public record S3Properties(
        URI endpoint,
        @NotBlank String accessKey,
        @NotBlank String secretKey,
        @NotBlank String bucket,
        @DefaultValue("us-east-1") String region) {}
