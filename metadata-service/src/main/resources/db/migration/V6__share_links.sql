-- Public links to a file: whoever holds the token may read the file's current version (its name,
-- size and type, and a signed download URL) without an account, until the link expires or its
-- owner revokes it. A file in the trash answers like a missing one while it is there; a file
-- deleted for good takes its links with it.
CREATE TABLE share_links (
  id             uuid        PRIMARY KEY,
  token          text        NOT NULL UNIQUE CHECK (token ~ '^[A-Za-z0-9_-]{22}$'),
  file_id        uuid        NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  owner_id       uuid        NOT NULL,
  created_by     uuid        NOT NULL,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz,
  downloads      bigint      NOT NULL DEFAULT 0 CHECK (downloads >= 0),
  last_used_at   timestamptz,
  CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX share_links_by_file ON share_links (file_id, created_at DESC);
