-- The control plane's tables: every folder and file a user owns, their versions and blobs, the
-- quota ledger, the audit log and the outbox. Names are unique per folder among live items,
-- compared by their key (NFC, case folded), so "Report.pdf" and "report.pdf" cannot sit side by side.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA metadata;

-- Users known to this service (learned from depot.accounts.user-registered.v1).
CREATE TABLE accounts (
  user_id        uuid        PRIMARY KEY,
  username       text        NOT NULL,
  root_folder_id uuid        NOT NULL UNIQUE,
  created_at     timestamptz NOT NULL,
  deleted_at     timestamptz -- the account was deleted: its files wait in the trash
);

-- Folders and files in one tree. "ancestors" is the materialized path: the ids from the root
-- folder down to the parent, so a subtree is "ancestors @> ARRAY[id]" (GIN indexed).
CREATE TABLE items (
  id                 uuid        PRIMARY KEY,
  owner_id           uuid        NOT NULL REFERENCES accounts (user_id) ON DELETE CASCADE,
  parent_id          uuid        REFERENCES items (id) ON DELETE CASCADE,
  ancestors          uuid[]      NOT NULL,
  kind               text        NOT NULL CHECK (kind IN ('folder', 'file')),
  rank               smallint    NOT NULL GENERATED ALWAYS AS (CASE WHEN kind = 'folder' THEN 0 ELSE 1 END) STORED,
  name               text        NOT NULL CHECK (octet_length(name) BETWEEN 1 AND 255),
  name_key           text        NOT NULL COLLATE "C",
  size               bigint      NOT NULL DEFAULT 0 CHECK (size >= 0),
  mime_type          text,
  current_version_id uuid,
  created_at         timestamptz NOT NULL,
  modified_at        timestamptz NOT NULL,
  deleted_at         timestamptz,
  deleted_by         uuid,
  trash_root_id      uuid,
  CHECK ((parent_id IS NULL) = (cardinality(ancestors) = 0)),
  CHECK (kind = 'file' OR current_version_id IS NULL),
  CHECK ((deleted_at IS NULL) = (trash_root_id IS NULL))
);
CREATE UNIQUE INDEX items_live_name ON items (parent_id, name_key) WHERE deleted_at IS NULL;
CREATE INDEX items_subtree ON items USING gin (ancestors);
CREATE INDEX items_by_name ON items (parent_id, rank, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX items_by_size ON items (parent_id, rank, size, id) WHERE deleted_at IS NULL;
CREATE INDEX items_by_modified ON items (parent_id, rank, modified_at, id) WHERE deleted_at IS NULL;
CREATE INDEX items_trash ON items (owner_id, deleted_at, id) WHERE deleted_at IS NOT NULL AND trash_root_id = id;
CREATE INDEX items_trash_group ON items (trash_root_id) WHERE trash_root_id IS NOT NULL;
CREATE INDEX items_search_trgm ON items USING gin (name_key gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX items_search_prefix ON items (owner_id, name_key) WHERE deleted_at IS NULL;

-- The words of each owner's names (letters only, three or more), for correcting typos in
-- searches: a query word is matched against this small dictionary, not against every name.
-- Kept by a trigger; words of renamed or deleted items stay (a stale word only finds nothing).
CREATE TABLE name_words (
  owner_id uuid NOT NULL,
  word     text NOT NULL COLLATE "C",
  PRIMARY KEY (owner_id, word)
);
CREATE INDEX name_words_trgm ON name_words USING gin (word gin_trgm_ops);

CREATE FUNCTION remember_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO name_words (owner_id, word)
  SELECT DISTINCT NEW.owner_id, w FROM regexp_split_to_table(NEW.name_key, '[^[:alpha:]]+') AS w
  WHERE length(w) >= 3
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER items_name_words AFTER INSERT OR UPDATE OF name_key ON items
  FOR EACH ROW EXECUTE FUNCTION remember_name_words();

-- Immutable content. Object key: blobs/<id>. Shared by copies and reverted versions.
CREATE TABLE blobs (
  id         uuid        PRIMARY KEY,
  owner_id   uuid        NOT NULL,
  size       bigint      NOT NULL CHECK (size >= 0),
  sha256     text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  stored     boolean     NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL
);

CREATE TABLE versions (
  id                uuid        PRIMARY KEY,
  file_id           uuid        NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  number            int         NOT NULL CHECK (number > 0),
  blob_id           uuid        NOT NULL REFERENCES blobs (id),
  size              bigint      NOT NULL CHECK (size >= 0),
  mime_type         text        NOT NULL,
  sha256            text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  status            text        NOT NULL CHECK (status IN ('uploading', 'processing', 'ready', 'failed')),
  upload_expires_at timestamptz,
  created_at        timestamptz NOT NULL,
  created_by        uuid        NOT NULL,
  UNIQUE (file_id, number),
  CHECK ((status = 'uploading') = (upload_expires_at IS NOT NULL))
);
CREATE INDEX versions_by_blob ON versions (blob_id);
CREATE INDEX versions_pending ON versions (upload_expires_at) WHERE status = 'uploading';
ALTER TABLE items ADD FOREIGN KEY (current_version_id) REFERENCES versions (id) DEFERRABLE INITIALLY DEFERRED;

-- What each user stores, by state. Uploads reserve before a byte is sent; the sum stays within
-- limit_bytes when anything is added (a lowered limit may leave a user over it: nothing is lost).
CREATE TABLE quota_ledgers (
  user_id        uuid   PRIMARY KEY REFERENCES accounts (user_id) ON DELETE CASCADE,
  limit_bytes    bigint NOT NULL CHECK (limit_bytes >= 0),
  live_bytes     bigint NOT NULL DEFAULT 0 CHECK (live_bytes >= 0),
  version_bytes  bigint NOT NULL DEFAULT 0 CHECK (version_bytes >= 0),
  trash_bytes    bigint NOT NULL DEFAULT 0 CHECK (trash_bytes >= 0),
  reserved_bytes bigint NOT NULL DEFAULT 0 CHECK (reserved_bytes >= 0),
  custom_limit   boolean NOT NULL DEFAULT false
);

-- The audit log, written from depot.files.activity-recorded.v1; the id is the event id.
CREATE TABLE activity (
  id            uuid        PRIMARY KEY,
  owner_id      uuid        NOT NULL,
  actor_id      uuid,
  action        text        NOT NULL,
  resource_kind text        NOT NULL,
  resource_id   uuid,
  resource_name text,
  details       jsonb       NOT NULL DEFAULT '{}',
  occurred_at   timestamptz NOT NULL
);
CREATE INDEX activity_by_owner ON activity (owner_id, occurred_at DESC, id DESC);
CREATE INDEX activity_by_resource ON activity (resource_id, occurred_at DESC);

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
