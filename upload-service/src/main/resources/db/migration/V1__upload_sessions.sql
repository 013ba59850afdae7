-- Upload sessions of the tus endpoint: what has been stored of each upload and where.

CREATE TABLE sessions (
  id              uuid        PRIMARY KEY,
  file_id         uuid        NOT NULL,
  version_id      uuid        NOT NULL UNIQUE,
  blob_id         uuid        NOT NULL,
  owner_id        uuid        NOT NULL,
  length          bigint      NOT NULL CHECK (length >= 0),
  -- The digest the uploader declared when the upload was started (from the ticket).
  declared_sha256 text        CHECK (declared_sha256 ~ '^[0-9a-f]{64}$'),
  stored          bigint      NOT NULL DEFAULT 0,
  part_size       bigint      NOT NULL CHECK (part_size > 0),
  -- The S3 multipart upload, created with the first full part.
  multipart_id    text,
  -- Bytes after the last full part, kept as an object of their own between requests.
  tail_key        text,
  tail_size       bigint      NOT NULL DEFAULT 0 CHECK (tail_size >= 0 AND tail_size < part_size),
  metadata        text,
  state           text        NOT NULL DEFAULT 'open'
                              CHECK (state IN ('open', 'completed', 'terminated', 'expired', 'failed')),
  expires_at      timestamptz NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  CHECK (stored BETWEEN 0 AND length),
  CHECK ((tail_key IS NULL) = (tail_size = 0))
);
CREATE INDEX sessions_open_by_expiry_idx ON sessions (expires_at) WHERE state = 'open';
CREATE INDEX sessions_ended_idx ON sessions (updated_at) WHERE state <> 'open';

-- Parts of a session's multipart upload, in order.
CREATE TABLE parts (
  session_id uuid   NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  number     int    NOT NULL CHECK (number BETWEEN 1 AND 10000),
  etag       text   NOT NULL,
  size       bigint NOT NULL CHECK (size > 0),
  PRIMARY KEY (session_id, number)
);

-- Spring Modulith's event publication registry (the transactional outbox).
CREATE TABLE event_publication (
  id                     uuid        PRIMARY KEY,
  listener_id            text        NOT NULL,
  event_type             text        NOT NULL,
  serialized_event       text        NOT NULL,
  publication_date       timestamptz NOT NULL,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
