package dev.depot.transcode.processing;

import dev.depot.contracts.ObjectKeys;
import dev.depot.kit.storage.S3Properties;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Blobs and previews in the S3 bucket (MinIO in compose). */
@Component
class S3Blobs implements BlobSource, PreviewStore {

    private final MinioClient s3;
    private final String bucket;

    S3Blobs(MinioClient s3, S3Properties properties) {
        this.s3 = s3;
        this.bucket = properties.bucket();
    }

    @Override
    public InputStream open(UUID blobId) {
        try {
            return s3.getObject(GetObjectArgs.builder()
                    .bucket(bucket)
                    .object(ObjectKeys.blob(blobId))
                    .build());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                throw new BlobGoneException(blobId, e);
            }
            throw new StorageUnavailableException("blob " + blobId + " could not be read", e);
        } catch (Exception e) {
            throw new StorageUnavailableException("blob " + blobId + " could not be read", e);
        }
    }

    @Override
    public void put(String objectKey, byte[] jpeg) {
        try {
            // The high-level stream upload: minio-java 9.0.4's file-based low-level path is broken.
            s3.putObject(PutObjectArgs.builder().bucket(bucket).object(objectKey).stream(
                            new ByteArrayInputStream(jpeg), (long) jpeg.length, -1L)
                    .contentType(RenderedPreview.CONTENT_TYPE)
                    .build());
        } catch (Exception e) {
            throw new StorageUnavailableException("preview " + objectKey + " could not be stored", e);
        }
    }
}
