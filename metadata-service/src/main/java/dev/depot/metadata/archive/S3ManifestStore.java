package dev.depot.metadata.archive;

import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.archives.v1.ArchiveManifest;
import dev.depot.kit.storage.S3Properties;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Manifests in the S3 bucket (MinIO in compose), next to the archives they describe. */
@Component
class S3ManifestStore implements ManifestStore {

    private final MinioClient s3;
    private final String bucket;

    S3ManifestStore(MinioClient s3, S3Properties properties) {
        this.s3 = s3;
        this.bucket = properties.bucket();
    }

    @Override
    public void put(UUID archiveId, List<ArchiveManifest.Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 160);
        ArchiveManifest.write(entries, out);
        byte[] bytes = out.toByteArray();
        try {
            s3.putObject(PutObjectArgs.builder().bucket(bucket).object(ObjectKeys.archiveManifest(archiveId)).stream(
                            new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
                    .contentType("application/x-ndjson")
                    .build());
        } catch (Exception e) {
            throw new IllegalStateException("manifest of archive " + archiveId + " not stored", e);
        }
    }

    @Override
    public void delete(UUID archiveId) {
        try {
            s3.removeObject(RemoveObjectArgs.builder()
                    .bucket(bucket)
                    .object(ObjectKeys.archiveManifest(archiveId))
                    .build());
        } catch (Exception e) {
            throw new IllegalStateException("manifest of archive " + archiveId + " not deleted", e);
        }
    }
}
