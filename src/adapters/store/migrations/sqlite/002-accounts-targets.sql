-- chiso store, SQLite: accounts, sessions and directive targets (the web application).
-- Column lists must match src/adapters/store/schema.ts. See docs/storage.md and docs/web.md.

-- Tài khoản: admin (quản trị, cả tỉnh), officer (cán bộ đơn vị: đơn vị mình và cấp dưới),
-- viewer (chỉ xem; cả tỉnh, hoặc một đơn vị khi unit_code có giá trị).
CREATE TABLE users (
  username        TEXT    PRIMARY KEY,
  display_name    TEXT    NOT NULL,
  role            TEXT    NOT NULL CHECK (role IN ('admin', 'officer', 'viewer')),
  unit_code       TEXT,
  password_hash   TEXT    NOT NULL,                 -- scrypt, self-describing string
  disabled        INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  last_login_at   INTEGER
) STRICT;

-- Phiên đăng nhập: only the SHA-256 of the cookie token is kept.
CREATE TABLE sessions (
  token_hash   TEXT    PRIMARY KEY,
  username     TEXT    NOT NULL,
  csrf_token   TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  revoked_at   INTEGER,
  ip           TEXT,
  user_agent   TEXT
) STRICT;
CREATE INDEX sessions_username_idx ON sessions (username);

-- Chỉ tiêu chỉ đạo (directive targets): the definition is JSON (subject, threshold, scope units,
-- period range, source document); archived targets are kept for history.
CREATE TABLE targets (
  id          TEXT    PRIMARY KEY,
  definition  TEXT    NOT NULL,                     -- JSON
  created_by  TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_by  TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL,
  archived_at INTEGER
) STRICT;

-- Every version of every target, append only.
CREATE TABLE target_history (
  id         INTEGER PRIMARY KEY,
  target_id  TEXT    NOT NULL,
  at         INTEGER NOT NULL,
  actor      TEXT    NOT NULL,
  action     TEXT    NOT NULL CHECK (action IN ('created', 'updated', 'archived')),
  definition TEXT    NOT NULL                       -- JSON
) STRICT;
CREATE INDEX target_history_target_idx ON target_history (target_id);
