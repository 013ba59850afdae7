package dev.depot.upload.store;

import dev.depot.contracts.ObjectKeys;
import dev.depot.kit.storage.S3Properties;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@link BlobStore} on MinIO/S3: a blob's object and its previews (deleting a missing key succeeds
 * in S3, so retries are safe).
 */
@Component
class S3BlobStore implements BlobStore {

    private final MinioClient s3;
    private final S3Properties properties;

    S3BlobStore(MinioClient s3, S3Properties properties) {
        this.s3 = s3;
        this.properties = properties;
    }

    @Override
    public void delete(List<UUID> blobIds) {
        for (UUID id : blobIds) {
            remove(id, ObjectKeys.blob(id));
            for (String kind : ObjectKeys.PREVIEW_KINDS) {
                remove(id, ObjectKeys.preview(id, kind));
            }
        }
    }

    private void remove(UUID blobId, String key) {
        try {
            s3.removeObject(RemoveObjectArgs.builder()
                    .bucket(properties.bucket())
                    .object(key)
                    .build());
        } catch (Exception e) {
            throw new IllegalStateException("could not delete " + key + " of blob " + blobId, e);
        }
    }
}
