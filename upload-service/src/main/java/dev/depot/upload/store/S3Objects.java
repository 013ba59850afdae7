package dev.depot.upload.store;

import dev.depot.contracts.ObjectKeys;
import dev.depot.kit.storage.S3Properties;
import io.minio.AbortMultipartUploadArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectAPIArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.UploadPartArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.minio.messages.Part;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.springframework.stereotype.Component;

/**
 * The MinIO/S3 calls of {@link S3UploadStore}: multipart uploads of blobs' objects, whole small
 * blobs, and tails under {@code uploads/<id>/}. Every call is idempotent.
 */
@Component
class S3Objects {

    private final MinioAsyncClient s3;
    private final String bucket;

    S3Objects(S3Properties properties) {
        this.s3 = MinioAsyncClient.builder()
                .endpoint(properties.endpoint().toString())
                .credentials(properties.accessKey(), properties.secretKey())
                .region(properties.region())
                .build();
        this.bucket = properties.bucket();
    }

    /** Starts the multipart upload of a blob's object; returns its id. */
    String beginMultipart(UUID blobId) {
        return await(s3.createMultipartUpload(CreateMultipartUploadArgs.builder()
                        .bucket(bucket)
                        .object(ObjectKeys.blob(blobId))
                        .build()))
                .result()
                .uploadId();
    }

    /** Stores {@code size} bytes of {@code file} from {@code position} as part {@code number}. */
    StoredPart uploadPart(UUID blobId, String multipartId, int number, Path file, long position, long size) {
        try (FileRegion in = new FileRegion(file, position)) {
            Part part = await(s3.uploadPart(UploadPartArgs.builder()
                            .bucket(bucket)
                            .object(ObjectKeys.blob(blobId))
                            .uploadId(multipartId)
                            .partNumber(number)
                            .file(in, size)
                            .build()))
                    .part();
            return new StoredPart(number, part.etag(), size);
        } catch (java.io.IOException e) {
            throw new StorageException("could not read spooled part " + number, e);
        }
    }

    /** Joins the parts into the blob's object. */
    void completeMultipart(UUID blobId, String multipartId, List<StoredPart> parts) {
        Part[] list = parts.stream().map(p -> new Part(p.number(), p.etag())).toArray(Part[]::new);
        await(s3.completeMultipartUpload(CompleteMultipartUploadArgs.builder()
                .bucket(bucket)
                .object(ObjectKeys.blob(blobId))
                .uploadId(multipartId)
                .parts(list)
                .build()));
    }

    /** Drops a multipart upload and its parts; an unknown one is not an error. */
    void abortMultipart(UUID blobId, String multipartId) {
        try {
            await(s3.abortMultipartUpload(AbortMultipartUploadArgs.builder()
                    .bucket(bucket)
                    .object(ObjectKeys.blob(blobId))
                    .uploadId(multipartId)
                    .build()));
        } catch (StorageException e) {
            if (!isMissing(e)) {
                throw e;
            }
        }
    }

    /** Stores the whole blob (uploads smaller than a part). */
    void putBlob(UUID blobId, Path file, long size) {
        put(ObjectKeys.blob(blobId), file, 0, size);
    }

    /** Reads the blob's stored object; the caller closes the stream. */
    InputStream openBlob(UUID blobId) {
        return await(s3.getObject(GetObjectArgs.builder()
                .bucket(bucket)
                .object(ObjectKeys.blob(blobId))
                .build()));
    }

    /** Deletes the blob's object; a missing one is not an error. */
    void deleteBlob(UUID blobId) {
        remove(ObjectKeys.blob(blobId));
    }

    /** Keeps the bytes after the last full part until the next request. */
    void putTail(String key, Path file, long position, long size) {
        put(key, file, position, size);
    }

    /** Appends a stored tail to {@code file}. */
    void appendTail(String key, Path file) {
        try (InputStream in = await(s3.getObject(
                        GetObjectArgs.builder().bucket(bucket).object(key).build()));
                OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            in.transferTo(out);
        } catch (java.io.IOException e) {
            throw new StorageException("could not read tail " + key, e);
        }
    }

    /** Deletes one tail object (the one a later request replaced). */
    void deleteTail(String key) {
        remove(key);
    }

    /** Deletes every tail object of an upload, whatever requests left behind. */
    void deleteTails(UUID uploadId) {
        Iterable<Result<Item>> tails = s3.listObjects(ListObjectsArgs.builder()
                .bucket(bucket)
                .prefix(ObjectKeys.uploadTails(uploadId))
                .recursive(true)
                .build());
        for (Result<Item> result : tails) {
            String key;
            try {
                key = result.get().objectName();
            } catch (Exception e) {
                throw new StorageException("could not list the tails of upload " + uploadId, e);
            }
            deleteTail(key);
        }
    }

    private void remove(String key) {
        await(s3.removeObject(
                RemoveObjectArgs.builder().bucket(bucket).object(key).build()));
    }

    private void put(String key, Path file, long position, long size) {
        try (FileRegion in = new FileRegion(file, position)) {
            await(s3.putObject(PutObjectAPIArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .file(in, size)
                    .build()));
        } catch (java.io.IOException e) {
            throw new StorageException("could not read spooled bytes for " + key, e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted", e);
        } catch (ExecutionException e) {
            throw new StorageException(e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    private static boolean isMissing(StorageException e) {
        return e.getCause() instanceof ErrorResponseException r
                && "NoSuchUpload".equals(r.errorResponse().code());
    }
}
