-- chiso store, PostgreSQL: accounts, sessions and directive targets (the web application).
-- Column lists must match src/adapters/store/schema.ts. See docs/storage.md and docs/web.md.

CREATE TABLE users (
  username        TEXT     PRIMARY KEY,
  display_name    TEXT     NOT NULL,
  role            TEXT     NOT NULL CHECK (role IN ('admin', 'officer', 'viewer')),
  unit_code       TEXT,
  password_hash   TEXT     NOT NULL,
  disabled        SMALLINT NOT NULL DEFAULT 0,
  created_at      BIGINT   NOT NULL,
  updated_at      BIGINT   NOT NULL,
  last_login_at   BIGINT,
  seq             BIGINT   GENERATED ALWAYS AS IDENTITY
);

CREATE TABLE sessions (
  token_hash   TEXT    PRIMARY KEY,
  username     TEXT    NOT NULL,
  csrf_token   TEXT    NOT NULL,
  created_at   BIGINT  NOT NULL,
  expires_at   BIGINT  NOT NULL,
  last_seen_at BIGINT  NOT NULL,
  revoked_at   BIGINT,
  ip           TEXT,
  user_agent   TEXT,
  seq          BIGINT  GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX sessions_username_idx ON sessions (username);

CREATE TABLE targets (
  id          TEXT    PRIMARY KEY,
  definition  TEXT    NOT NULL,
  created_by  TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL,
  updated_by  TEXT    NOT NULL,
  updated_at  BIGINT  NOT NULL,
  archived_at BIGINT,
  seq         BIGINT  GENERATED ALWAYS AS IDENTITY
);

CREATE TABLE target_history (
  id         BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id  TEXT    NOT NULL,
  at         BIGINT  NOT NULL,
  actor      TEXT    NOT NULL,
  action     TEXT    NOT NULL CHECK (action IN ('created', 'updated', 'archived')),
  definition TEXT    NOT NULL
);
CREATE INDEX target_history_target_idx ON target_history (target_id);
