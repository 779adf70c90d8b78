-- Shift handovers (DOMAIN §2, issue 10). The outgoing shift opens one at handover time; its sections are compiled
-- from live data through the alert registry and frozen when it is submitted; the incoming staff acknowledge it with
-- their own passwords; the duty leader signs it (signatures, migration 0060), which seals it.

CREATE TABLE handovers (
  id           INTEGER PRIMARY KEY,
  shift_day    TEXT NOT NULL,       -- the roster day the shift starts on
  shift        TEXT NOT NULL,       -- its template code and name, and its window, as the template had them
  shift_name   TEXT NOT NULL,
  shift_from   INTEGER NOT NULL,
  shift_to     INTEGER NOT NULL,
  opened_at    INTEGER NOT NULL,
  opened_by    INTEGER NOT NULL REFERENCES users (id),
  compiled_at  INTEGER NOT NULL,    -- the sections cover [shift_from, compiled_at]
  sections     TEXT NOT NULL,       -- JSON: HandoverSection[]
  notes        TEXT NOT NULL DEFAULT '',
  submitted_at INTEGER,
  submitted_by INTEGER REFERENCES users (id),
  UNIQUE (shift_day, shift),
  CHECK (shift_from < shift_to),
  CHECK ((submitted_at IS NULL) = (submitted_by IS NULL))
) STRICT;
CREATE INDEX handovers_by_shift ON handovers (shift_from);

CREATE TABLE handover_acks (
  handover_id INTEGER NOT NULL REFERENCES handovers (id),
  user_id     INTEGER NOT NULL REFERENCES users (id),
  at          INTEGER NOT NULL,
  PRIMARY KEY (handover_id, user_id)
) STRICT, WITHOUT ROWID;

-- Once submitted, what the incoming staff read is fixed (it may go back to the outgoing shift only while nobody has
-- acknowledged it); once signed, nothing about the handover changes; it is never deleted.
CREATE TRIGGER handovers_identity BEFORE UPDATE OF id, shift_day, shift, shift_name, shift_from, shift_to, opened_at, opened_by ON handovers
BEGIN SELECT RAISE(ABORT, 'a handover''s shift never changes'); END;
CREATE TRIGGER handovers_sealed BEFORE UPDATE ON handovers
WHEN EXISTS (SELECT 1 FROM signatures WHERE entity = 'handover' AND entity_id = CAST(OLD.id AS TEXT))
BEGIN SELECT RAISE(ABORT, 'a signed handover is sealed'); END;
CREATE TRIGGER handovers_submitted_fixed BEFORE UPDATE ON handovers
WHEN OLD.submitted_at IS NOT NULL AND (
  NEW.submitted_at IS NOT NULL AND (NEW.sections IS NOT OLD.sections OR NEW.notes IS NOT OLD.notes OR NEW.compiled_at IS NOT OLD.compiled_at
                                    OR NEW.submitted_at IS NOT OLD.submitted_at OR NEW.submitted_by IS NOT OLD.submitted_by)
  OR NEW.submitted_at IS NULL AND EXISTS (SELECT 1 FROM handover_acks WHERE handover_id = OLD.id))
BEGIN SELECT RAISE(ABORT, 'a submitted handover is fixed, and goes back to its shift only before anyone acknowledges it'); END;
CREATE TRIGGER handovers_kept BEFORE DELETE ON handovers BEGIN SELECT RAISE(ABORT, 'handovers are kept'); END;

CREATE TRIGGER handover_acks_after_submit BEFORE INSERT ON handover_acks
WHEN (SELECT submitted_at FROM handovers WHERE id = NEW.handover_id) IS NULL
  OR EXISTS (SELECT 1 FROM signatures WHERE entity = 'handover' AND entity_id = CAST(NEW.handover_id AS TEXT))
BEGIN SELECT RAISE(ABORT, 'only a submitted, unsigned handover is acknowledged'); END;
CREATE TRIGGER handover_acks_fixed BEFORE UPDATE ON handover_acks BEGIN SELECT RAISE(ABORT, 'acknowledgements are append-only'); END;
CREATE TRIGGER handover_acks_kept BEFORE DELETE ON handover_acks BEGIN SELECT RAISE(ABORT, 'acknowledgements are append-only'); END;
