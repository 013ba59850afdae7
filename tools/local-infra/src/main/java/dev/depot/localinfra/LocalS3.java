package dev.depot.localinfra;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** An S3 server on a local folder (s3proxy), standing in for MinIO; bucket {@code depot}. */
final class LocalS3 implements InfraComponent {

    static final String BUCKET = "depot";
    static final String ACCESS_KEY = "depot";

    private final Path dir;
    private final int port;
    private final String secretKey;
    private S3Proxy proxy;

    LocalS3(Path dir, int port, String secretKey) {
        this.dir = dir;
        this.port = port;
        this.secretKey = secretKey;
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public Map<String, String> start() throws Exception {
        Files.createDirectories(dir);
        // an absolute root: s3proxy finds multipart uploads again only under one
        FilesystemNio2BlobStore store =
                new FilesystemNio2BlobStore(dir.toAbsolutePath().toString());
        if (!store.containerExists(BUCKET)) {
            store.createContainer(BUCKET);
        }
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secretKey)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(20);
        }
        return Map.of(
                "DEPOT_S3_ENDPOINT", "http://127.0.0.1:" + proxy.getPort(),
                "DEPOT_S3_ACCESS_KEY", ACCESS_KEY,
                "DEPOT_S3_SECRET_KEY", secretKey,
                "DEPOT_S3_BUCKET", BUCKET,
                "DEPOT_S3_REGION", "us-east-1");
    }

    @Override
    public void close() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
    }
}
