-- An archive whose build stops reporting is asked for again a few times, then failed, so no
-- archive stays "preparing" until it expires. touched_at is when it was last asked for or last
-- reported progress.
ALTER TABLE archives
  ADD COLUMN attempts   int         NOT NULL DEFAULT 1 CHECK (attempts > 0),
  ADD COLUMN touched_at timestamptz;
UPDATE archives SET touched_at = created_at;
ALTER TABLE archives ALTER COLUMN touched_at SET NOT NULL;
CREATE INDEX archives_preparing_by_touch ON archives (touched_at) WHERE status = 'preparing';
