-- What the object store holds of each open upload leaves the session row: a session keeps the
-- tus state (offset, length, expiry), the store keeps its multipart upload, tail and parts, for
-- as long as the upload is open.

CREATE TABLE stored_uploads (
  id           uuid   PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  blob_id      uuid   NOT NULL,
  part_size    bigint NOT NULL CHECK (part_size > 0),
  -- The S3 multipart upload, created with the first full part.
  multipart_id text,
  -- Bytes after the last full part, kept as an object of their own between requests.
  tail_key     text,
  tail_size    bigint NOT NULL DEFAULT 0 CHECK (tail_size >= 0 AND tail_size < part_size),
  CHECK ((tail_key IS NULL) = (tail_size = 0))
);

INSERT INTO stored_uploads (id, blob_id, part_size, multipart_id, tail_key, tail_size)
SELECT id, blob_id, part_size, multipart_id, tail_key, tail_size FROM sessions
WHERE state = 'open';

-- Parts of ended uploads were joined or discarded already.
DELETE FROM parts WHERE session_id NOT IN (SELECT id FROM stored_uploads);
ALTER TABLE parts DROP CONSTRAINT parts_session_id_fkey;
ALTER TABLE parts RENAME COLUMN session_id TO upload_id;
ALTER TABLE parts ADD FOREIGN KEY (upload_id) REFERENCES stored_uploads (id) ON DELETE CASCADE;

ALTER TABLE sessions DROP COLUMN part_size, DROP COLUMN multipart_id, DROP COLUMN tail_key,
  DROP COLUMN tail_size;
