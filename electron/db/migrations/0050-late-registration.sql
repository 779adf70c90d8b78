-- Intake integrity (issue 8): an arrival registered long after it happened says why (setting: 24 hours).
-- Impossible birth dates already on record are left as they are (nothing is silently changed): their age reads
-- as unknown, which every age rule treats protectively.
ALTER TABLE stays ADD COLUMN late_reason TEXT;
