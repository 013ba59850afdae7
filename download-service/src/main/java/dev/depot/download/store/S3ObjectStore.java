package dev.depot.download.store;

import dev.depot.kit.storage.S3Properties;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Reads through the S3 client; long copies from a plain-HTTP store go over a {@link RangeChannel}
 * of a URL the client presigns (no network call), and over the client's own stream when the store
 * speaks TLS.
 */
@Component
class S3ObjectStore implements ObjectStore {

    /** How long a presigned URL lives: it is used at once, by one request. */
    private static final int URL_SECONDS = 60;

    /** How long connecting, or one read, may wait for the store. */
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(1);

    private final MinioClient client;
    private final String bucket;
    private final boolean plainHttp;

    S3ObjectStore(MinioClient client, S3Properties properties) {
        this.client = client;
        this.bucket = properties.bucket();
        this.plainHttp = "http".equalsIgnoreCase(properties.endpoint().getScheme());
    }

    @Override
    public InputStream read(String key, long offset, long length) {
        try {
            return client.getObject(GetObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .offset(offset)
                    .length(length)
                    .build());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                throw new ObjectMissingException(key);
            }
            throw new StorageUnavailableException("S3 refused to read " + key, e);
        } catch (Exception e) {
            throw new StorageUnavailableException("S3 read of " + key + " failed", e);
        }
    }

    @Override
    public ReadableByteChannel stream(String key, long offset, long length) throws IOException {
        if (!plainHttp) {
            return Channels.newChannel(read(key, offset, length));
        }
        URI url;
        try {
            url = URI.create(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Http.Method.GET)
                    .bucket(bucket)
                    .object(key)
                    .expiry(URL_SECONDS)
                    .build()));
        } catch (Exception e) {
            throw new StorageUnavailableException("presigning a read of " + key + " failed", e);
        }
        return RangeChannel.open(url, offset, length, STREAM_TIMEOUT);
    }
}
