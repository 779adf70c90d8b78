-- Duty (DOMAIN §2, issue 10): the staff directory, rosters with their publications and the changes made after
-- publishing, checkpoints and patrol rounds, incidents, and follow-up tasks. Instants are Unix ms; roster days are
-- station-calendar 'YYYY-MM-DD' text (the day a shift starts).

-- Everyone who can be rostered: every account (a row is made with the account, by the trigger below) and staff who
-- never sign in (contracted guards, cleaners). An account's name and whether it is active are the account's own.
CREATE TABLE staff (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER UNIQUE REFERENCES users (id),
  name       TEXT,                 -- only for staff without an account
  job        TEXT,                 -- e.g. 保安, 保洁
  posts      TEXT,                 -- JSON array of posts they can fill; NULL: the posts of the account's roles
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((user_id IS NULL) = (name IS NOT NULL)),
  CHECK (user_id IS NOT NULL OR posts IS NOT NULL)
) STRICT;
INSERT INTO staff (user_id, created_at, updated_at) SELECT id, created_at, created_at FROM users ORDER BY id;
CREATE TRIGGER staff_for_account AFTER INSERT ON users
BEGIN INSERT INTO staff (user_id, created_at, updated_at) VALUES (NEW.id, NEW.created_at, NEW.created_at); END;
CREATE TRIGGER staff_kept BEFORE DELETE ON staff
BEGIN SELECT RAISE(ABORT, 'staff are kept: a roster names them'); END;
CREATE TRIGGER staff_identity BEFORE UPDATE OF id, user_id ON staff
BEGIN SELECT RAISE(ABORT, 'a staff member''s identity never changes'); END;

-- A change to a published roster: a swap, a replacement for a no-show, sick leave, or someone added to cover a gap.
-- It adds assignments (roster_assignments.change_id) and removes others (roster_removals), never edits one.
CREATE TABLE roster_changes (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('swap', 'replacement', 'sick_leave', 'cover')),
  reason      TEXT NOT NULL,
  approved_by INTEGER NOT NULL REFERENCES users (id),  -- a duty leader
  recorded_by INTEGER NOT NULL REFERENCES users (id),
  recorded_at INTEGER NOT NULL,
  detail      TEXT NOT NULL DEFAULT '{}'               -- JSON, e.g. the days of a sick leave
) STRICT;

-- Who fills which post in which shift of which roster day, with the shift's window as the template had it then.
CREATE TABLE roster_assignments (
  id         INTEGER PRIMARY KEY,
  day        TEXT NOT NULL,
  shift      TEXT NOT NULL,
  post       TEXT NOT NULL CHECK (post IN ('front_desk', 'duty', 'leader', 'kitchen', 'storekeeper', 'driver')),
  staff_id   INTEGER NOT NULL REFERENCES staff (id),
  starts_at  INTEGER NOT NULL,
  ends_at    INTEGER NOT NULL,
  night      INTEGER NOT NULL CHECK (night IN (0, 1)),
  change_id  INTEGER REFERENCES roster_changes (id),  -- NULL: planned; else added by a change after publishing
  created_at INTEGER NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users (id),
  CHECK (starts_at < ends_at)
) STRICT;
CREATE INDEX roster_by_day ON roster_assignments (day, shift, post);
CREATE INDEX roster_by_staff ON roster_assignments (staff_id, starts_at);
CREATE INDEX roster_by_start ON roster_assignments (starts_at);
CREATE INDEX roster_by_change ON roster_assignments (change_id) WHERE change_id IS NOT NULL;
CREATE UNIQUE INDEX roster_planned_once ON roster_assignments (day, shift, post, staff_id) WHERE change_id IS NULL;

CREATE TABLE roster_removals (
  assignment_id INTEGER PRIMARY KEY REFERENCES roster_assignments (id),
  change_id     INTEGER NOT NULL REFERENCES roster_changes (id)
) STRICT;
CREATE INDEX roster_removals_by_change ON roster_removals (change_id);

-- Publishing fixes the plan of its days. A publication with gaps or conflicts names the duty leader who overrode them.
CREATE TABLE roster_publications (
  id              INTEGER PRIMARY KEY,
  from_day        TEXT NOT NULL,
  to_day          TEXT NOT NULL,
  published_at    INTEGER NOT NULL,
  published_by    INTEGER NOT NULL REFERENCES users (id),
  gaps            INTEGER NOT NULL,
  conflicts       INTEGER NOT NULL,
  override_reason TEXT,
  override_by     INTEGER REFERENCES users (id),
  check_detail    TEXT NOT NULL,    -- JSON: the coverage check as it stood
  CHECK (from_day <= to_day),
  CHECK ((override_reason IS NULL) = (override_by IS NULL)),
  CHECK (override_reason IS NOT NULL OR (gaps = 0 AND conflicts = 0))
) STRICT;
CREATE TABLE roster_published_days (
  day            TEXT PRIMARY KEY,
  publication_id INTEGER NOT NULL REFERENCES roster_publications (id)
) STRICT, WITHOUT ROWID;

-- The plan of a published day is history: no assignment is edited, none of a published day removed, none planned
-- into one; a change adds and removes by rows of its own. Drafts (unpublished days) are edited freely.
CREATE TRIGGER roster_assignment_fixed BEFORE UPDATE ON roster_assignments
BEGIN SELECT RAISE(ABORT, 'a roster assignment is never edited'); END;
CREATE TRIGGER roster_published_kept BEFORE DELETE ON roster_assignments
WHEN EXISTS (SELECT 1 FROM roster_published_days WHERE day = OLD.day)
BEGIN SELECT RAISE(ABORT, 'a published roster is changed by a recorded change, never edited'); END;
CREATE TRIGGER roster_plan_before_publishing BEFORE INSERT ON roster_assignments
WHEN (NEW.change_id IS NULL) = EXISTS (SELECT 1 FROM roster_published_days WHERE day = NEW.day)
BEGIN SELECT RAISE(ABORT, 'a published day takes changes, an unpublished one a plan'); END;
CREATE TRIGGER roster_changes_fixed BEFORE UPDATE ON roster_changes BEGIN SELECT RAISE(ABORT, 'roster changes are append-only'); END;
CREATE TRIGGER roster_changes_kept BEFORE DELETE ON roster_changes BEGIN SELECT RAISE(ABORT, 'roster changes are append-only'); END;
CREATE TRIGGER roster_removals_fixed BEFORE UPDATE ON roster_removals BEGIN SELECT RAISE(ABORT, 'roster changes are append-only'); END;
CREATE TRIGGER roster_removals_kept BEFORE DELETE ON roster_removals BEGIN SELECT RAISE(ABORT, 'roster changes are append-only'); END;
CREATE TRIGGER roster_publications_fixed BEFORE UPDATE ON roster_publications BEGIN SELECT RAISE(ABORT, 'publications are append-only'); END;
CREATE TRIGGER roster_publications_kept BEFORE DELETE ON roster_publications BEGIN SELECT RAISE(ABORT, 'publications are append-only'); END;
CREATE TRIGGER roster_published_days_fixed BEFORE UPDATE ON roster_published_days BEGIN SELECT RAISE(ABORT, 'publications are append-only'); END;
CREATE TRIGGER roster_published_days_kept BEFORE DELETE ON roster_published_days BEGIN SELECT RAISE(ABORT, 'publications are append-only'); END;

-- Places inside the station walked on duty patrols; `code` is what a barcode scanner types. Rounds are expected from
-- `active_from` until `retired_at`.
CREATE TABLE checkpoints (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('dormitory', 'kitchen', 'entrance', 'fire_exit', 'medical', 'other')),
  zone_id     INTEGER REFERENCES zones (id),
  sort        INTEGER NOT NULL DEFAULT 0,
  active_from INTEGER NOT NULL,
  retired_at  INTEGER,
  CHECK (retired_at IS NULL OR retired_at >= active_from)
) STRICT;
-- Each dormitory zone and medical observation, the kitchen, the entrance and the fire exits, expected from the start.
INSERT INTO checkpoints (code, name, kind, zone_id, sort, active_from)
  SELECT 'CP-' || upper(code), name, CASE WHEN medical = 1 THEN 'medical' ELSE 'dormitory' END, id, sort, 0 FROM zones WHERE active = 1 ORDER BY sort, id;
INSERT INTO checkpoints (code, name, kind, sort, active_from) VALUES
  ('CP-KITCHEN', '厨房', 'kitchen', 20, 0),
  ('CP-GATE', '大门', 'entrance', 21, 0),
  ('CP-FIRE-1', '一楼消防通道', 'fire_exit', 22, 0),
  ('CP-FIRE-2', '二楼消防通道', 'fire_exit', 23, 0);
CREATE TRIGGER checkpoints_kept BEFORE DELETE ON checkpoints BEGIN SELECT RAISE(ABORT, 'checkpoints are retired, never deleted'); END;

CREATE TABLE patrol_rounds (
  id            INTEGER PRIMARY KEY,
  checkpoint_id INTEGER NOT NULL REFERENCES checkpoints (id),
  at            INTEGER NOT NULL,
  walked_by     INTEGER NOT NULL REFERENCES staff (id),
  finding       TEXT NOT NULL CHECK (finding IN ('normal', 'issue')),
  category      TEXT CHECK (category IN ('fire_hazard', 'fight', 'illness', 'absconding', 'hygiene', 'facility')),
  note          TEXT,
  recorded_by   INTEGER NOT NULL REFERENCES users (id),
  recorded_at   INTEGER NOT NULL,
  CHECK ((finding = 'issue') = (category IS NOT NULL))
) STRICT;
CREATE INDEX patrol_rounds_by_time ON patrol_rounds (at);
CREATE INDEX patrol_rounds_by_checkpoint ON patrol_rounds (checkpoint_id, at);
CREATE TRIGGER patrol_rounds_fixed BEFORE UPDATE ON patrol_rounds BEGIN SELECT RAISE(ABORT, 'patrol rounds are append-only'); END;
CREATE TRIGGER patrol_rounds_kept BEFORE DELETE ON patrol_rounds BEGIN SELECT RAISE(ABORT, 'patrol rounds are append-only'); END;

-- The shift's incident log. A mistake is corrected by a new entry naming the one it corrects.
CREATE TABLE incidents (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  category    TEXT NOT NULL CHECK (category IN ('fight', 'illness', 'absconding', 'visitor', 'complaint', 'police_call')),
  description TEXT NOT NULL,
  action      TEXT NOT NULL,
  corrects_id INTEGER REFERENCES incidents (id),
  recorded_by INTEGER NOT NULL REFERENCES users (id),
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX incidents_by_time ON incidents (at);
CREATE UNIQUE INDEX incidents_corrected_once ON incidents (corrects_id) WHERE corrects_id IS NOT NULL;
CREATE TABLE incident_stays (
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  stay_id     INTEGER NOT NULL REFERENCES stays (id),
  PRIMARY KEY (incident_id, stay_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX incident_stays_by_stay ON incident_stays (stay_id);
CREATE TRIGGER incidents_fixed BEFORE UPDATE ON incidents BEGIN SELECT RAISE(ABORT, 'incidents are append-only'); END;
CREATE TRIGGER incidents_kept BEFORE DELETE ON incidents BEGIN SELECT RAISE(ABORT, 'incidents are append-only'); END;
CREATE TRIGGER incident_stays_fixed BEFORE UPDATE ON incident_stays BEGIN SELECT RAISE(ABORT, 'incidents are append-only'); END;
CREATE TRIGGER incident_stays_kept BEFORE DELETE ON incident_stays BEGIN SELECT RAISE(ABORT, 'incidents are append-only'); END;

-- A task opened by an issue found on a round or by an incident: an owner, a deadline, and once done, by whom and how.
CREATE TABLE follow_ups (
  id          INTEGER PRIMARY KEY,
  round_id    INTEGER REFERENCES patrol_rounds (id),
  incident_id INTEGER REFERENCES incidents (id),
  task        TEXT NOT NULL,
  owner_id    INTEGER NOT NULL REFERENCES staff (id),
  due_at      INTEGER NOT NULL,
  created_at  INTEGER NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES users (id),
  done_at     INTEGER,
  done_by     INTEGER REFERENCES users (id),
  done_note   TEXT,
  CHECK ((round_id IS NULL) <> (incident_id IS NULL)),
  CHECK ((done_at IS NULL) = (done_by IS NULL) AND (done_at IS NULL) = (done_note IS NULL))
) STRICT;
CREATE INDEX follow_ups_open ON follow_ups (due_at) WHERE done_at IS NULL;
CREATE INDEX follow_ups_by_done ON follow_ups (done_at) WHERE done_at IS NOT NULL;
CREATE INDEX follow_ups_by_round ON follow_ups (round_id) WHERE round_id IS NOT NULL;
CREATE INDEX follow_ups_by_incident ON follow_ups (incident_id) WHERE incident_id IS NOT NULL;
-- Closing is the one change a task takes, once.
CREATE TRIGGER follow_ups_closed_once BEFORE UPDATE ON follow_ups
WHEN OLD.done_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.round_id IS NOT OLD.round_id OR NEW.incident_id IS NOT OLD.incident_id
  OR NEW.task IS NOT OLD.task OR NEW.owner_id IS NOT OLD.owner_id OR NEW.due_at IS NOT OLD.due_at
  OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'a follow-up task is closed once and never edited'); END;
CREATE TRIGGER follow_ups_kept BEFORE DELETE ON follow_ups BEGIN SELECT RAISE(ABORT, 'follow-up tasks are kept'); END;
