-- Foundation: station settings, accounts with roles, and the append-only, hash-chained audit trail.
-- Instants are integer Unix milliseconds (UTC).

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL            -- JSON
) STRICT;

CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  username             TEXT NOT NULL COLLATE NOCASE UNIQUE,
  display_name         TEXT NOT NULL,
  password_hash        TEXT NOT NULL, -- scrypt$N$r$p$salt$hash (base64), per-user salt
  disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  last_login_at        INTEGER
) STRICT;

CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users (id),
  role    TEXT NOT NULL CHECK (role IN
            ('front_desk', 'duty_staff', 'duty_leader', 'storekeeper', 'food_safety', 'inspector', 'admin')),
  PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  actor_id   INTEGER REFERENCES users (id),
  actor_name TEXT NOT NULL,
  procedure  TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT,
  before     TEXT,                -- JSON or NULL
  after      TEXT,                -- JSON or NULL
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL        -- sha256 over this row's content and prev_hash
) STRICT;
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_by_procedure ON audit_log (procedure, id);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- The trail is append-only: the application never updates or deletes it, and neither may anything else
-- that goes through SQLite without first dropping these triggers (which the hash chain would then expose).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
