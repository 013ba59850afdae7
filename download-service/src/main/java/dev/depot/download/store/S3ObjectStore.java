package dev.depot.download.store;

import dev.depot.kit.storage.S3Properties;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

@Component
class S3ObjectStore implements ObjectStore {

  private final MinioClient client;
  private final String bucket;

  S3ObjectStore(MinioClient client, S3Properties properties) {
    this.client = client;
    this.bucket = properties.bucket();
  }

  @Override
  public InputStream read(String key, long offset, long length) {
    try {
      return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key)
          .offset(offset).length(length).build());
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        throw new ObjectMissingException(key);
      }
      throw new StorageUnavailableException("S3 refused to read " + key, e);
    } catch (Exception e) {
      throw new StorageUnavailableException("S3 read of " + key + " failed", e);
    }
  }
}
