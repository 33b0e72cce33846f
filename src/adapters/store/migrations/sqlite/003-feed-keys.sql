-- chiso store, SQLite: API keys of the real-time feed, one row per key (they were one JSON array
-- in the setting `feedApiKeys`, which two concurrent creations could overwrite).
-- Column lists must match src/adapters/store/schema.ts. See docs/storage.md and docs/accounts.md.

-- Khóa API của hệ thống gửi hồ sơ: only the SHA-256 (hex) of the key is kept.
CREATE TABLE feed_keys (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT    NOT NULL,
  unit_code  TEXT,
  key_hash   TEXT    NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  created_by TEXT    NOT NULL,
  revoked_at INTEGER,
  revoked_by TEXT
) STRICT;

-- Keys of the old setting keep their ids; who created or revoked them comes from the audit log.
INSERT INTO feed_keys (id, name, unit_code, key_hash, created_at, created_by, revoked_at, revoked_by)
SELECT
  json_extract(k.value, '$.id'),
  json_extract(k.value, '$.name'),
  json_extract(k.value, '$.unitCode'),
  json_extract(k.value, '$.hash'),
  coalesce(CAST(round((julianday(json_extract(k.value, '$.createdAt')) - 2440587.5) * 86400000.0) AS INTEGER), s.updated_at),
  coalesce((SELECT a.actor FROM audit_log a
            WHERE a.action = 'feed-key.created' AND json_extract(a.details, '$.id') = json_extract(k.value, '$.id')
            ORDER BY a.id DESC LIMIT 1), 'chiso'),
  CASE WHEN json_extract(k.value, '$.revokedAt') IS NULL THEN NULL
       ELSE coalesce(CAST(round((julianday(json_extract(k.value, '$.revokedAt')) - 2440587.5) * 86400000.0) AS INTEGER), s.updated_at) END,
  CASE WHEN json_extract(k.value, '$.revokedAt') IS NULL THEN NULL
       ELSE coalesce((SELECT a.actor FROM audit_log a
                      WHERE a.action = 'feed-key.revoked' AND json_extract(a.details, '$.id') = json_extract(k.value, '$.id')
                      ORDER BY a.id DESC LIMIT 1), 'chiso') END
FROM settings s, json_each(s.value) k
WHERE s.key = 'feedApiKeys' AND json_type(s.value) = 'array'
ORDER BY json_extract(k.value, '$.id');

DELETE FROM settings WHERE key = 'feedApiKeys';
