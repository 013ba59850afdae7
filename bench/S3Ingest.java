import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.MinioAsyncClient;
import io.minio.RemoveObjectArgs;
import io.minio.UploadPartArgs;
import io.minio.messages.Part;
import java.io.RandomAccessFile;

/**
 * The object store on its own, for bench/uploads.sh: a file sent as one multipart upload of
 * 16 MiB parts, one part at a time, as upload-service sends them. Run with upload-service's
 * libraries on the class path and the DEPOT_S3_* variables set.
 *
 *   java -cp 'upload-service/target/extracted/lib/*' bench/S3Ingest.java FILE
 */
public class S3Ingest {

  public static void main(String[] args) throws Exception {
    MinioAsyncClient s3 = MinioAsyncClient.builder().endpoint(System.getenv("DEPOT_S3_ENDPOINT"))
        .credentials(System.getenv("DEPOT_S3_ACCESS_KEY"), System.getenv("DEPOT_S3_SECRET_KEY"))
        .region(System.getenv("DEPOT_S3_REGION")).build();
    String bucket = System.getenv("DEPOT_S3_BUCKET");
    String key = "bench/s3-ingest-" + System.nanoTime();
    int partSize = 16 << 20;
    try (RandomAccessFile file = new RandomAccessFile(args[0], "r")) {
      long length = file.length();
      long begin = System.nanoTime();
      String id = s3.createMultipartUpload(CreateMultipartUploadArgs.builder().bucket(bucket)
          .object(key).build()).get().result().uploadId();
      int count = (int) Math.ceilDiv(length, partSize);
      Part[] parts = new Part[count];
      byte[] data = new byte[partSize];
      for (int i = 0; i < count; i++) {
        int size = (int) Math.min(partSize, length - (long) i * partSize);
        file.seek((long) i * partSize);
        file.readFully(data, 0, size);
        parts[i] = new Part(i + 1, s3.uploadPart(UploadPartArgs.builder().bucket(bucket)
            .object(key).uploadId(id).partNumber(i + 1).data(data, size).build()).get().part()
            .etag());
      }
      s3.completeMultipartUpload(CompleteMultipartUploadArgs.builder().bucket(bucket)
          .object(key).uploadId(id).parts(parts).build()).get();
      double seconds = (System.nanoTime() - begin) / 1e9;
      s3.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build()).get();
      System.out.printf("%.0f%n", length / seconds);
    }
  }
}
