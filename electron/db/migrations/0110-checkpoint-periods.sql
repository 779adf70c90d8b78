-- A checkpoint's times in use, one row each: from when rounds were expected there until it was retired (NULL while it
-- still is in use). Until now a checkpoint held only its latest period (`checkpoints.active_from`, `retired_at`), so
-- bringing a retired one back moved `active_from` to that moment and the patrol log of the days before no longer
-- showed the rounds it had missed then: the history changed without anyone changing it. The periods are kept by the
-- checkpoints' own triggers, whatever writes them; the schedule (electron/features/roster/schedule.ts) reads them.
-- `checkpoints.active_from` and `retired_at` stay as the current period, for the screens and the scanner.
CREATE TABLE checkpoint_periods (
  id            INTEGER PRIMARY KEY,
  checkpoint_id INTEGER NOT NULL REFERENCES checkpoints (id),
  active_from   INTEGER NOT NULL,
  retired_at    INTEGER,
  CHECK (retired_at IS NULL OR retired_at >= active_from)
) STRICT;
-- The schedule reads the periods that overlap a window; a checkpoint has one period open at most.
CREATE INDEX checkpoint_periods_by_time ON checkpoint_periods (active_from, retired_at);
CREATE UNIQUE INDEX checkpoint_periods_open ON checkpoint_periods (checkpoint_id) WHERE retired_at IS NULL;

-- The periods before the last revival, from the audit trail: each bringing-back was recorded with the checkpoint as it
-- was, retired, and so with the period it closed. Zero-length periods (added as retired) expect nothing and are left out.
INSERT INTO checkpoint_periods (checkpoint_id, active_from, retired_at)
  SELECT CAST(a.entity_id AS INTEGER), json_extract(a.before, '$.activeFrom'), json_extract(a.before, '$.retiredAt')
  FROM audit_log a JOIN checkpoints c ON c.id = CAST(a.entity_id AS INTEGER)
  WHERE a.procedure = 'patrol.checkpointSave' AND a.entity = 'checkpoint'
    AND json_extract(a.before, '$.active') = 0
    AND json_extract(a.before, '$.retiredAt') > json_extract(a.before, '$.activeFrom')
    AND json_extract(a.before, '$.retiredAt') <= c.active_from
  ORDER BY a.id;
-- The current period of every checkpoint.
INSERT INTO checkpoint_periods (checkpoint_id, active_from, retired_at) SELECT id, active_from, retired_at FROM checkpoints ORDER BY id;

CREATE TRIGGER checkpoints_period_added AFTER INSERT ON checkpoints
BEGIN INSERT INTO checkpoint_periods (checkpoint_id, active_from, retired_at) VALUES (NEW.id, NEW.active_from, NEW.retired_at); END;
CREATE TRIGGER checkpoints_period_retired AFTER UPDATE OF retired_at ON checkpoints
WHEN OLD.retired_at IS NULL AND NEW.retired_at IS NOT NULL
BEGIN UPDATE checkpoint_periods SET retired_at = NEW.retired_at WHERE checkpoint_id = NEW.id AND retired_at IS NULL; END;
CREATE TRIGGER checkpoints_period_back AFTER UPDATE OF retired_at ON checkpoints
WHEN OLD.retired_at IS NOT NULL AND NEW.retired_at IS NULL
BEGIN INSERT INTO checkpoint_periods (checkpoint_id, active_from, retired_at) VALUES (NEW.id, NEW.active_from, NULL); END;
-- A period that is over never changes, nor is any removed; the open one is only ever closed.
CREATE TRIGGER checkpoint_periods_past BEFORE UPDATE ON checkpoint_periods
WHEN OLD.retired_at IS NOT NULL OR NEW.retired_at IS NULL OR NEW.checkpoint_id IS NOT OLD.checkpoint_id OR NEW.active_from IS NOT OLD.active_from
BEGIN SELECT RAISE(ABORT, 'a checkpoint''s periods are only ever closed'); END;
CREATE TRIGGER checkpoint_periods_kept BEFORE DELETE ON checkpoint_periods
BEGIN SELECT RAISE(ABORT, 'a checkpoint''s periods are kept'); END;
