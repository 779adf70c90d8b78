-- 24-hour intake (DOMAIN §1): the person registry, stays, zones and beds, and the append-only records
-- of what happened during a stay. Instants are Unix ms; station-calendar dates are 'YYYY-MM-DD' text.

CREATE TABLE persons (
  id              INTEGER PRIMARY KEY,
  name            TEXT,                  -- NULL when not known (see field_states)
  sex             TEXT CHECK (sex IN ('male', 'female')),
  birth_date      TEXT,                  -- from the ID number or stated
  estimated_age   INTEGER CHECK (estimated_age BETWEEN 0 AND 120),
  estimated_on    TEXT,                  -- the day the age was estimated
  id_number       TEXT,                  -- normalized 18 characters
  hukou_place     TEXT,                  -- 户籍地
  residence       TEXT,
  benefits        TEXT CHECK (benefits IN ('none', 'dibao', 'wubao')),
  dialect         TEXT,
  height_cm       INTEGER CHECK (height_cm BETWEEN 30 AND 250),
  build           TEXT,
  features        TEXT,
  clothing        TEXT,                  -- clothing when found
  description     TEXT,                  -- free description, for people whose name is unknown
  photo           BLOB,
  photo_type      TEXT,
  field_states    TEXT NOT NULL DEFAULT '{}', -- JSON {field: 'unknown' | 'refused'}
  pinyin_full     TEXT NOT NULL DEFAULT '',   -- 张三 → zhangsan (computed in the main process)
  pinyin_initials TEXT NOT NULL DEFAULT '',   -- 张三 → zs
  created_at      INTEGER NOT NULL,
  created_by      INTEGER NOT NULL REFERENCES users (id),
  updated_at      INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX persons_by_id_number ON persons (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX persons_by_name ON persons (name);
CREATE INDEX persons_by_initials ON persons (pinyin_initials);
CREATE INDEX persons_by_pinyin ON persons (pinyin_full);

-- Substring search (name, pinyin, ID digits, description) answers from a trigram index.
CREATE VIRTUAL TABLE persons_search USING fts5 (text, tokenize = 'trigram', content = '', contentless_delete = 1);

-- Two records found to be one person: linked, never merged; unlinking ends the link and keeps its history.
CREATE TABLE person_links (
  id          INTEGER PRIMARY KEY,
  person_a    INTEGER NOT NULL REFERENCES persons (id),
  person_b    INTEGER NOT NULL REFERENCES persons (id),
  reason      TEXT NOT NULL,
  linked_at   INTEGER NOT NULL,
  linked_by   INTEGER NOT NULL REFERENCES users (id),
  unlinked_at INTEGER,
  unlinked_by INTEGER REFERENCES users (id),
  unlink_reason TEXT,
  CHECK (person_a < person_b)
) STRICT;
CREATE UNIQUE INDEX person_links_active ON person_links (person_a, person_b) WHERE unlinked_at IS NULL;

CREATE TABLE zones (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  sex        TEXT CHECK (sex IN ('male', 'female')),  -- NULL: any
  min_age    INTEGER,                                   -- inclusive
  max_age    INTEGER,                                   -- inclusive
  medical    INTEGER NOT NULL DEFAULT 0 CHECK (medical IN (0, 1)),
  sort       INTEGER NOT NULL DEFAULT 0,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE beds (
  id      INTEGER PRIMARY KEY,
  zone_id INTEGER NOT NULL REFERENCES zones (id),
  label   TEXT NOT NULL,
  active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (zone_id, label)
) STRICT;

INSERT INTO zones (id, code, name, sex, min_age, max_age, medical, sort) VALUES
  (1, 'men', '男宿区', 'male', 18, 59, 0, 1),
  (2, 'women', '女宿区', 'female', 18, 59, 0, 2),
  (3, 'minors', '未成年人区', NULL, 0, 17, 0, 3),
  (4, 'elderly', '老年区', NULL, 60, NULL, 0, 4),
  (5, 'medical', '医疗观察区', NULL, NULL, NULL, 1, 5);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
INSERT INTO beds (zone_id, label)
  SELECT 1, printf('男-%02d', i) FROM n WHERE i <= 12
  UNION ALL SELECT 2, printf('女-%02d', i) FROM n WHERE i <= 8
  UNION ALL SELECT 3, printf('少-%02d', i) FROM n WHERE i <= 6
  UNION ALL SELECT 4, printf('老-%02d', i) FROM n WHERE i <= 8
  UNION ALL SELECT 5, printf('医-%02d', i) FROM n WHERE i <= 4;

CREATE TABLE stays (
  id               INTEGER PRIMARY KEY,
  person_id        INTEGER NOT NULL REFERENCES persons (id),
  arrived_at       INTEGER NOT NULL,
  arrived_on       TEXT NOT NULL,         -- station-calendar day of arrival (day 1 of the stay)
  channel          TEXT NOT NULL CHECK (channel IN
                     ('walk_in', 'police', 'city_management', 'outreach', 'public_tip', 'hospital', 'other_station')),
  channel_detail   TEXT NOT NULL DEFAULT '{}',  -- JSON: police unit, officers, handover time; referrer …
  status           TEXT NOT NULL CHECK (status IN
                     ('registered', 'in_station', 'at_hospital', 'handed_to_police', 'refused', 'discharged')),
  owner_id         INTEGER NOT NULL REFERENCES users (id), -- first-contact responsibility
  registered_by    INTEGER NOT NULL REFERENCES users (id),
  temperature_c10  INTEGER,               -- tenths of a degree Celsius
  conditions       TEXT NOT NULL DEFAULT '[]', -- JSON array of Condition
  triage           TEXT,                  -- JSON {decision, reason, note, hospital}
  discharge_type   TEXT,
  discharge_detail TEXT,                  -- JSON
  discharged_at    INTEGER,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX stays_by_person ON stays (person_id, arrived_at);
CREATE INDEX stays_open ON stays (status) WHERE status NOT IN ('discharged', 'refused', 'handed_to_police');
CREATE INDEX stays_by_arrival ON stays (arrived_on);
CREATE INDEX stays_by_discharge ON stays (discharged_at) WHERE discharged_at IS NOT NULL;

-- Everything that happened to a stay, append-only: status changes, ownership, services, notes.
CREATE TABLE stay_events (
  id       INTEGER PRIMARY KEY,
  stay_id  INTEGER NOT NULL REFERENCES stays (id),
  at       INTEGER NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES users (id),
  kind     TEXT NOT NULL,
  data     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX stay_events_by_stay ON stay_events (stay_id, id);

CREATE TABLE ownership_offers (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL REFERENCES stays (id),
  from_user   INTEGER NOT NULL REFERENCES users (id),
  to_user     INTEGER NOT NULL REFERENCES users (id),
  note        TEXT,
  offered_at  INTEGER NOT NULL,
  answered_at INTEGER,
  accepted    INTEGER CHECK (accepted IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX ownership_offers_open ON ownership_offers (stay_id) WHERE answered_at IS NULL;

CREATE TABLE bed_assignments (
  id        INTEGER PRIMARY KEY,
  stay_id   INTEGER NOT NULL REFERENCES stays (id),
  bed_id    INTEGER NOT NULL REFERENCES beds (id),
  from_at   INTEGER NOT NULL,
  to_at     INTEGER,                     -- NULL while current
  by_user   INTEGER NOT NULL REFERENCES users (id),
  reason    TEXT
) STRICT;
-- One person a bed, one bed a person, enforced by the database as well as the rules.
CREATE UNIQUE INDEX bed_assignments_bed_current ON bed_assignments (bed_id) WHERE to_at IS NULL;
CREATE UNIQUE INDEX bed_assignments_stay_current ON bed_assignments (stay_id) WHERE to_at IS NULL;

CREATE TABLE safety_checks (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL REFERENCES stays (id),
  at          INTEGER NOT NULL,
  findings    TEXT NOT NULL,
  disposition TEXT NOT NULL,             -- what happened to dangerous items
  witness_1   INTEGER NOT NULL REFERENCES users (id),
  witness_2   INTEGER NOT NULL REFERENCES users (id),
  CHECK (witness_1 <> witness_2)
) STRICT;

CREATE TABLE custody_items (
  id             INTEGER PRIMARY KEY,
  stay_id        INTEGER NOT NULL REFERENCES stays (id),
  description    TEXT NOT NULL,
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  cash_fen       INTEGER NOT NULL DEFAULT 0 CHECK (cash_fen >= 0),
  storage_place  TEXT NOT NULL,
  received_at    INTEGER NOT NULL,
  staff_1        INTEGER NOT NULL REFERENCES users (id),
  staff_2        INTEGER NOT NULL REFERENCES users (id),
  CHECK (staff_1 <> staff_2)
) STRICT;
CREATE INDEX custody_items_by_stay ON custody_items (stay_id);

-- How each item left custody (append-only; one settlement an item).
CREATE TABLE custody_settlements (
  id              INTEGER PRIMARY KEY,
  item_id         INTEGER NOT NULL UNIQUE REFERENCES custody_items (id),
  kind            TEXT NOT NULL CHECK (kind IN ('returned', 'disposed', 'handed_over')),
  reason          TEXT,
  client_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (client_confirmed IN (0, 1)),
  at              INTEGER NOT NULL,
  by_user         INTEGER NOT NULL REFERENCES users (id)
) STRICT;

CREATE TABLE stay_extensions (
  id          INTEGER PRIMARY KEY,
  stay_id     INTEGER NOT NULL REFERENCES stays (id),
  days        INTEGER NOT NULL CHECK (days BETWEEN 1 AND 90),
  reason      TEXT NOT NULL,
  approved_by INTEGER NOT NULL REFERENCES users (id),
  at          INTEGER NOT NULL
) STRICT;

CREATE TABLE family_search_tasks (
  id        INTEGER PRIMARY KEY,
  stay_id   INTEGER NOT NULL REFERENCES stays (id),
  kind      TEXT NOT NULL CHECK (kind IN ('notice', 'dna_request', 'notice_refresh')),
  due_at    INTEGER NOT NULL,
  done_at   INTEGER,
  done_by   INTEGER REFERENCES users (id),
  note      TEXT,
  UNIQUE (stay_id, kind)
) STRICT;
CREATE INDEX family_search_open ON family_search_tasks (due_at) WHERE done_at IS NULL;
