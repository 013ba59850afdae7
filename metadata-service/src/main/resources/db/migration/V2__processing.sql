-- Post-processing of stored versions: what the bytes are, their previews, and a deadline after
-- which processing is asked for again (and finally given up as "preview failed").

ALTER TABLE blobs
  ADD COLUMN previews     jsonb       NOT NULL DEFAULT '[]',
  ADD COLUMN processed_at timestamptz;

ALTER TABLE versions
  ADD COLUMN processing_attempts int         NOT NULL DEFAULT 0 CHECK (processing_attempts >= 0),
  ADD COLUMN processing_since    timestamptz,
  ADD CHECK ((status = 'processing') = (processing_since IS NOT NULL));
CREATE INDEX versions_processing ON versions (processing_since) WHERE status = 'processing';

-- The current version's state, next to its size and type, so listings need no join.
ALTER TABLE items
  ADD COLUMN content_status text CHECK (content_status IN ('processing', 'ready', 'failed'));
UPDATE items i SET content_status = v.status
  FROM versions v WHERE v.id = i.current_version_id AND v.status <> 'uploading';
