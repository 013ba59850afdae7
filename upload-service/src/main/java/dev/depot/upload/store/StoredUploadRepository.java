package dev.depot.upload.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the object store holds of each open upload, in Postgres. A row lives from the upload's
 * creation until it is finished or aborted; its parts go with it.
 */
@Repository
class StoredUploadRepository {

    private final JdbcClient jdbc;

    StoredUploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredUpload upload) {
        jdbc.sql("INSERT INTO stored_uploads (id, blob_id, part_size) VALUES (:id, :blob, :partSize)")
                .param("id", upload.id())
                .param("blob", upload.blobId())
                .param("partSize", upload.partSize())
                .update();
    }

    Optional<StoredUpload> find(UUID id) {
        return jdbc.sql("""
        SELECT id, blob_id, part_size, multipart_id, tail_key, tail_size FROM stored_uploads
        WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new StoredUpload(
                        rs.getObject("id", UUID.class),
                        rs.getObject("blob_id", UUID.class),
                        rs.getLong("part_size"),
                        rs.getString("multipart_id"),
                        rs.getString("tail_key"),
                        rs.getLong("tail_size")))
                .optional();
    }

    List<StoredPart> parts(UUID id) {
        return jdbc.sql("SELECT number, etag, size FROM parts WHERE upload_id = :id ORDER BY number")
                .param("id", id)
                .query((rs, n) -> new StoredPart(rs.getInt(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /**
     * Records the upload's multipart upload unless it has one already (another writer started it
     * first); false then.
     */
    boolean claimMultipart(UUID id, String multipartId) {
        return jdbc.sql("""
        UPDATE stored_uploads SET multipart_id = :mp WHERE id = :id AND multipart_id IS NULL""").param("mp", multipartId).param("id", id).update() == 1;
    }

    /** Records the tail that now ends the stored bytes, and the parts stored before it. */
    void advance(UUID id, String tailKey, long tailSize, List<StoredPart> newParts) {
        jdbc.sql("UPDATE stored_uploads SET tail_key = :tailKey, tail_size = :tailSize WHERE id = :id")
                .param("tailKey", tailKey)
                .param("tailSize", tailSize)
                .param("id", id)
                .update();
        for (StoredPart p : newParts) {
            jdbc.sql("""
          INSERT INTO parts (upload_id, number, etag, size) VALUES (:id, :n, :etag, :size)
          ON CONFLICT (upload_id, number) DO UPDATE SET etag = :etag, size = :size""")
                    .param("id", id)
                    .param("n", p.number())
                    .param("etag", p.etag())
                    .param("size", p.size())
                    .update();
        }
    }

    /** Forgets a finished or aborted upload (its parts go with it). */
    void delete(UUID id) {
        jdbc.sql("DELETE FROM stored_uploads WHERE id = :id").param("id", id).update();
    }
}
