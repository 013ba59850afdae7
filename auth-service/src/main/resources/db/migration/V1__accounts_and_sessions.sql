-- Accounts, their sessions (one per signed-in device) and the single-use tokens mailed to them.
CREATE TABLE users (
  id                uuid        PRIMARY KEY,
  username          text        NOT NULL CHECK (char_length(username) BETWEEN 3 AND 32),
  email             text        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
  password_hash     text        NOT NULL,
  email_verified_at timestamptz,
  pending_email     text        CHECK (char_length(pending_email) BETWEEN 3 AND 254),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
-- Case-insensitive uniqueness: "Alice" and "alice" are one name.
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- A session is one sign-in on one device: the family of every refresh token rotated from it.
CREATE TABLE sessions (
  id           uuid        PRIMARY KEY,
  user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  user_agent   text,
  ip_address   text,
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz
);
CREATE INDEX sessions_live_by_user ON sessions (user_id, last_used_at DESC) WHERE revoked_at IS NULL;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Refresh tokens are stored as SHA-256 hashes. A used one stays (used_at set) until its session
-- ends, so that presenting it again is recognised as reuse.
CREATE TABLE refresh_tokens (
  token_hash bytea       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
  session_id uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  issued_at  timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

-- Single-use tokens sent by email: address verification and password reset.
CREATE TABLE one_time_tokens (
  token_hash bytea       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose    text        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
  email      text        NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX one_time_tokens_by_user ON one_time_tokens (user_id, purpose);
CREATE INDEX one_time_tokens_by_expiry ON one_time_tokens (expires_at);

-- The transactional outbox (Spring Modulith's event publication registry, schema v2).
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
