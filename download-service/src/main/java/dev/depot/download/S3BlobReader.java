package dev.depot.download;

import dev.depot.kit.storage.S3Properties;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class S3BlobReader implements BlobReader {

  private final MinioClient client;
  private final String bucket;

  S3BlobReader(MinioClient client, S3Properties properties) {
    this.client = client;
    this.bucket = properties.bucket();
  }

  @Override
  public Optional<Blob> open(String key) {
    try {
      GetObjectResponse response = client.getObject(
          GetObjectArgs.builder().bucket(bucket).object(key).build());
      long size = Long.parseLong(response.headers().get("Content-Length"));
      return Optional.of(new Blob(size, response));
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        return Optional.empty();
      }
      throw new IllegalStateException("S3 refused to read " + key, e);
    } catch (Exception e) {
      throw new IllegalStateException("S3 read of " + key + " failed", e);
    }
  }
}
