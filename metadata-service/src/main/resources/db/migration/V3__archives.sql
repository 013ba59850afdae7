-- Zip archives of selections of files and folders. The entries are listed in a manifest object
-- (archives/<id>/manifest), the zip is archives/<id>.zip; both go when the archive expires or is
-- deleted. Rows of expired and deleted archives stay a while, so that a late report of a build
-- still finds them (and has its zip deleted), then go too. No foreign key to accounts: an archive
-- expires and is cleaned up whatever happens to its owner.
CREATE TABLE archives (
  id           uuid        PRIMARY KEY,
  owner_id     uuid        NOT NULL,
  name         text        NOT NULL CHECK (octet_length(name) BETWEEN 1 AND 255),
  status       text        NOT NULL CHECK (status IN ('preparing', 'ready', 'failed', 'expired', 'deleted')),
  entries      int         NOT NULL CHECK (entries > 0),
  total_bytes  bigint      NOT NULL CHECK (total_bytes >= 0),
  entries_done int         NOT NULL DEFAULT 0 CHECK (entries_done >= 0),
  bytes_done   bigint      NOT NULL DEFAULT 0 CHECK (bytes_done >= 0),
  size         bigint      CHECK (size >= 0),
  error        text,
  created_at   timestamptz NOT NULL,
  ready_at     timestamptz,
  expires_at   timestamptz NOT NULL,
  CHECK ((status = 'ready') = (ready_at IS NOT NULL AND size IS NOT NULL) OR status IN ('expired', 'deleted'))
);
CREATE INDEX archives_by_owner ON archives (owner_id, created_at DESC, id DESC);
CREATE INDEX archives_live_by_expiry ON archives (expires_at) WHERE status IN ('preparing', 'ready', 'failed');
CREATE INDEX archives_gone_by_expiry ON archives (expires_at) WHERE status IN ('expired', 'deleted');
