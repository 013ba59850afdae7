package dev.depot.transcode.archive;

import static dev.depot.transcode.archive.S3ArchiveStorage.await;

import io.minio.AbortMultipartUploadArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.MinioAsyncClient;
import io.minio.UploadPartArgs;
import io.minio.messages.Part;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams bytes into one S3 multipart upload: a part is sent as soon as it is full while the next
 * one fills, with a few parts in flight. Memory stays at (in flight + 1) parts whatever the size of
 * the archive, and no temporary file is written.
 */
final class S3MultipartUpload extends ArchiveUpload {

    private static final Logger LOG = LoggerFactory.getLogger(S3MultipartUpload.class);

    private record Sending(byte[] buffer, CompletableFuture<Part> part) {}

    private final MinioAsyncClient s3;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final int partSize;
    private final int inFlight;
    private final Deque<Sending> sending = new ArrayDeque<>();
    private final Deque<byte[]> spare = new ArrayDeque<>();
    private final List<Part> parts = new ArrayList<>();
    private byte[] buffer;
    private int position;
    private long size;
    private boolean completed;
    private boolean closed;

    S3MultipartUpload(MinioAsyncClient s3, String bucket, String key, String uploadId, int partSize, int inFlight) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
        this.partSize = partSize;
        this.inFlight = inFlight;
        this.buffer = new byte[partSize];
    }

    @Override
    public void write(int b) {
        if (position == partSize) {
            send();
        }
        buffer[position++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (position == partSize) {
                send();
            }
            int n = Math.min(length, partSize - position);
            System.arraycopy(bytes, offset, buffer, position, n);
            position += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    @Override
    long complete() {
        if (position > 0 || parts.size() + sending.size() == 0) {
            send();
        }
        while (!sending.isEmpty()) {
            collect();
        }
        await(s3.completeMultipartUpload(CompleteMultipartUploadArgs.builder()
                .bucket(bucket)
                .object(key)
                .uploadId(uploadId)
                .parts(parts.toArray(Part[]::new))
                .build()));
        completed = true;
        return size;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!completed) {
            sending.forEach(s -> s.part().cancel(true));
            try {
                await(s3.abortMultipartUpload(AbortMultipartUploadArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .uploadId(uploadId)
                        .build()));
            } catch (RuntimeException e) {
                LOG.warn("upload {} of {} not aborted (a rebuild aborts it): {}", uploadId, key, e.toString());
            }
        }
    }

    private void send() {
        int number = parts.size() + sending.size() + 1;
        byte[] full = buffer;
        CompletableFuture<Part> part = s3.uploadPart(UploadPartArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .uploadId(uploadId)
                        .partNumber(number)
                        .data(full, position)
                        .build())
                .thenApply(response -> new Part(number, response.part().etag()));
        sending.add(new Sending(full, part));
        while (sending.size() > inFlight) {
            collect();
        }
        buffer = spare.isEmpty() ? new byte[partSize] : spare.pop();
        position = 0;
    }

    private void collect() {
        Sending oldest = sending.poll();
        parts.add(await(oldest.part()));
        spare.push(oldest.buffer());
    }
}
