-- chiso store, SQLite: initial schema. Times are epoch milliseconds (UTC instants), booleans 0/1,
-- JSON as TEXT kept byte for byte. Insertion order is the implicit rowid (upserts keep it).
-- Column lists must match src/adapters/store/schema.ts. See docs/storage.md.

CREATE TABLE import_runs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT    NOT NULL,
  sources     TEXT    NOT NULL,                     -- JSON array of file names or sources
  actor       TEXT    NOT NULL,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  status      TEXT    NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
  inserted    INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  stale       INTEGER NOT NULL DEFAULT 0,
  details     TEXT    NOT NULL DEFAULT '{}',        -- JSON: extra counts of the run
  pid         INTEGER,                              -- process that runs it (to detect a crash)
  host        TEXT
) STRICT;
CREATE INDEX import_runs_status_idx ON import_runs (status);

CREATE TABLE import_errors (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES import_runs (id),
  severity   TEXT    NOT NULL CHECK (severity IN ('error', 'warning')),
  file       TEXT    NOT NULL,
  position   INTEGER,                               -- 1-based record position in the file
  line       INTEGER,                               -- 1-based line (NDJSON)
  record_key TEXT,                                  -- MaHoSo, code, id…
  field      TEXT,
  message    TEXT    NOT NULL                       -- Vietnamese sentence
) STRICT;
CREATE INDEX import_errors_run_idx ON import_errors (run_id);

CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  actor   TEXT    NOT NULL,
  action  TEXT    NOT NULL,
  run_id  INTEGER,
  details TEXT    NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_log_run_idx ON audit_log (run_id);

CREATE TABLE settings (
  key        TEXT    PRIMARY KEY,
  value      TEXT    NOT NULL,                      -- JSON
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE units (
  code           TEXT    PRIMARY KEY,
  name           TEXT    NOT NULL,
  level          TEXT    NOT NULL,
  parent         TEXT,
  raw            TEXT    NOT NULL,
  record_hash    TEXT    NOT NULL,
  first_seen_run INTEGER NOT NULL,
  last_run       INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
) STRICT;

CREATE TABLE procedures (
  code           TEXT    PRIMARY KEY,
  name           TEXT    NOT NULL,
  level          TEXT    NOT NULL,
  record         TEXT    NOT NULL,                  -- JSON of the normalized catalogue record
  raw            TEXT    NOT NULL,
  record_hash    TEXT    NOT NULL,
  first_seen_run INTEGER NOT NULL,
  last_run       INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
) STRICT;

CREATE TABLE dossiers (
  dossier_id                             TEXT    PRIMARY KEY,
  procedure_code                         TEXT    NOT NULL,
  unit_code                              TEXT    NOT NULL,
  channel                                TEXT    NOT NULL,
  received_at                            INTEGER,
  submitted_at                           INTEGER,
  due_at                                 INTEGER,
  finished_at                            INTEGER,
  end_status                             TEXT,
  status                                 TEXT    NOT NULL,
  supplement_requests                    TEXT    NOT NULL,  -- JSON [{requestedAt, completedAt}]
  result_returned_at                     INTEGER,
  paid_online                            INTEGER NOT NULL,
  fee_total                              INTEGER NOT NULL,
  has_positive_fee                       INTEGER NOT NULL,
  fee_line_count                         INTEGER NOT NULL,
  has_component_file                     INTEGER NOT NULL,
  reuses_digitized_data                  INTEGER NOT NULL,
  has_component_from_personal_data_store INTEGER NOT NULL,
  result_pushed_to_personal_data_store   INTEGER NOT NULL,
  has_electronic_result                  INTEGER NOT NULL,
  has_coded_electronic_result            INTEGER NOT NULL,
  vneid_authenticated                    INTEGER NOT NULL,
  population_db_connected                INTEGER NOT NULL,
  synced_to_portal                       INTEGER,           -- NULL = unknown
  raw_payload                            TEXT    NOT NULL,  -- DongBoHoSoMC object as received
  envelope_unit                          TEXT,              -- madonvi of the envelope it came in
  declared_unit                          TEXT,              -- unit declared for the import
  source_file                            TEXT    NOT NULL,
  source_position                        INTEGER,
  source_line                            INTEGER,
  version                                INTEGER,           -- latest event instant of the header
  status_rank                            INTEGER NOT NULL,
  payload_hash                           TEXT    NOT NULL,
  record_hash                            TEXT    NOT NULL,
  first_seen_run                         INTEGER NOT NULL,
  last_run                               INTEGER NOT NULL,
  updated_at                             INTEGER NOT NULL
) STRICT;
-- Scoring: the engine's sort key (receipt, else submission) and the receipt time.
CREATE INDEX dossiers_sort_at_idx ON dossiers (coalesce(received_at, submitted_at));
CREATE INDEX dossiers_received_at_idx ON dossiers (received_at);

-- Append-only timeline: a step already present (same MaHoSo, ThoiDiemXuLy, raw TrangThai) is
-- ignored. Steps of a dossier not yet stored are kept (pending) and used when it arrives.
CREATE TABLE dossier_steps (
  dossier_id      TEXT    NOT NULL,
  at              INTEGER NOT NULL,
  status_raw      TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  text            TEXT,
  officer         TEXT,
  department      TEXT,
  raw             TEXT    NOT NULL,
  source_file     TEXT    NOT NULL,
  source_position INTEGER,
  run_id          INTEGER NOT NULL,
  PRIMARY KEY (dossier_id, at, status_raw)
) STRICT;

CREATE TABLE petitions (
  id                      TEXT    PRIMARY KEY,
  unit_code               TEXT    NOT NULL,
  sent_at                 INTEGER NOT NULL,
  forwarded_at            INTEGER,
  answered_at             INTEGER,
  rejected_at             INTEGER,
  supplement_requested_at INTEGER,
  published_at            INTEGER,
  category                TEXT,
  likes                   INTEGER NOT NULL,
  dislikes                INTEGER NOT NULL,
  repeated_complaint      INTEGER NOT NULL,
  dossier_id              TEXT,
  raw                     TEXT    NOT NULL,
  record_hash             TEXT    NOT NULL,
  first_seen_run          INTEGER NOT NULL,
  last_run                INTEGER NOT NULL,
  updated_at              INTEGER NOT NULL
) STRICT;

CREATE TABLE ratings (
  rating_key     TEXT    PRIMARY KEY,               -- JSON [dossierId, ratedAt]
  dossier_id     TEXT    NOT NULL,
  rated_at       INTEGER,
  satisfied      INTEGER NOT NULL,
  raw            TEXT    NOT NULL,
  record_hash    TEXT    NOT NULL,
  first_seen_run INTEGER NOT NULL,
  last_run       INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX ratings_dossier_idx ON ratings (dossier_id);

CREATE TABLE sync_reports (
  report_key               TEXT    PRIMARY KEY,     -- JSON [unitCode, month]
  unit_code                TEXT    NOT NULL,
  month                    TEXT    NOT NULL,
  received_national_report INTEGER,
  received_portal          INTEGER,
  raw                      TEXT    NOT NULL,
  record_hash              TEXT    NOT NULL,
  first_seen_run           INTEGER NOT NULL,
  last_run                 INTEGER NOT NULL,
  updated_at               INTEGER NOT NULL
) STRICT;

CREATE TABLE portal_snapshots (
  id           INTEGER PRIMARY KEY,
  group_name   TEXT    NOT NULL,
  period_label TEXT,
  period_from  TEXT,
  period_to    TEXT,
  file_name    TEXT    NOT NULL,
  captured_at  INTEGER,
  imported_at  INTEGER NOT NULL,
  body         TEXT    NOT NULL,                    -- the response body as received
  body_hash    TEXT    NOT NULL UNIQUE,
  run_id       INTEGER NOT NULL
) STRICT;
CREATE INDEX portal_snapshots_group_idx ON portal_snapshots (group_name, period_from);
