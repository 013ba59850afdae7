package dev.depot.transcode.archive;

import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.archives.v1.ArchiveManifest;
import dev.depot.kit.storage.S3Properties;
import io.minio.AbortMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.GetObjectArgs;
import io.minio.Http;
import io.minio.ListMultipartUploadsArgs;
import io.minio.MinioAsyncClient;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.ListMultipartUploadsResult;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** {@link ArchiveStorage} on the S3 bucket (MinIO in compose). */
@Component
class S3ArchiveStorage implements ArchiveStorage {

    /** S3 allows 10,000 parts; the part size is chosen so that an archive needs fewer. */
    static final int PART_BUDGET = 9_000;

    private static final long MIB = 1024 * 1024;

    private final MinioAsyncClient s3;
    private final String bucket;
    private final ArchiveProperties properties;

    S3ArchiveStorage(S3Properties s3Properties, ArchiveProperties properties) {
        this.s3 = MinioAsyncClient.builder()
                .endpoint(s3Properties.endpoint().toString())
                .credentials(s3Properties.accessKey(), s3Properties.secretKey())
                .region(s3Properties.region())
                .build();
        this.bucket = s3Properties.bucket();
        this.properties = properties;
    }

    @Override
    public Stream<ArchiveManifest.Entry> manifest(UUID archiveId) {
        try {
            return ArchiveManifest.read(await(s3.getObject(GetObjectArgs.builder()
                    .bucket(bucket)
                    .object(ObjectKeys.archiveManifest(archiveId))
                    .build())));
        } catch (ArchiveStorageException e) {
            if (isMissing(e)) {
                throw new ArchiveGoneException(archiveId, e);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(UUID blobId) {
        try {
            return await(s3.getObject(GetObjectArgs.builder()
                    .bucket(bucket)
                    .object(ObjectKeys.blob(blobId))
                    .build()));
        } catch (ArchiveStorageException e) {
            if (isMissing(e)) {
                throw new EntryGoneException(blobId, e);
            }
            throw e;
        }
    }

    @Override
    public ArchiveUpload begin(UUID archiveId, long expectedSize) {
        String key = ObjectKeys.archive(archiveId);
        long perPart = (expectedSize + PART_BUDGET - 1) / PART_BUDGET;
        long partSize = Math.max(properties.partSize().toBytes(), (perPart + MIB - 1) / MIB * MIB);
        if (partSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("archive " + archiveId + " is too big: " + expectedSize);
        }
        String uploadId = await(s3.createMultipartUpload(CreateMultipartUploadArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .headers(new Http.Headers("Content-Type", "application/zip"))
                        .build()))
                .result()
                .uploadId();
        return new S3MultipartUpload(s3, bucket, key, uploadId, (int) partSize, properties.uploadsInFlight());
    }

    @Override
    public OptionalLong builtSize(UUID archiveId) {
        try {
            return OptionalLong.of(await(s3.statObject(StatObjectArgs.builder()
                            .bucket(bucket)
                            .object(ObjectKeys.archive(archiveId))
                            .build()))
                    .size());
        } catch (ArchiveStorageException e) {
            if (isMissing(e)) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    @Override
    public int abortUnfinished(UUID archiveId) {
        String key = ObjectKeys.archive(archiveId);
        List<String> uploads = new ArrayList<>();
        ListMultipartUploadsResult result = await(s3.listMultipartUploads(ListMultipartUploadsArgs.builder()
                        .bucket(bucket)
                        .prefix(key)
                        .build()))
                .result();
        if (result.uploads() != null) {
            for (ListMultipartUploadsResult.Upload upload : result.uploads()) {
                if (key.equals(upload.objectName())) {
                    uploads.add(upload.uploadId());
                }
            }
        }
        for (String uploadId : uploads) {
            try {
                await(s3.abortMultipartUpload(AbortMultipartUploadArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .uploadId(uploadId)
                        .build()));
            } catch (ArchiveStorageException e) {
                if (!isMissing(e)) {
                    throw e;
                }
            }
        }
        return uploads.size();
    }

    @Override
    public void delete(UUID archiveId) {
        abortUnfinished(archiveId);
        for (String key : List.of(ObjectKeys.archive(archiveId), ObjectKeys.archiveManifest(archiveId))) {
            await(s3.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build()));
        }
    }

    static boolean isMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ErrorResponseException error) {
                String code = error.errorResponse().code();
                return "NoSuchKey".equals(code) || "NoSuchUpload".equals(code);
            }
        }
        return false;
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveStorageException("interrupted", e);
        } catch (ExecutionException e) {
            throw new ArchiveStorageException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (Exception e) {
            throw new ArchiveStorageException(String.valueOf(e.getMessage()), e);
        }
    }
}
