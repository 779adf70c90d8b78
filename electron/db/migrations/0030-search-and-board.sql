-- Search and today's board at ten years of data (issue 4: `npm run bench`).

-- Queries of one or two characters answer from an index instead of scanning every person: each person's 1- and
-- 2-character substrings of name and description, and the 1- and 2-character prefixes of the pinyin keys, one token
-- each ('g' + the gram's UTF-8 bytes in hex, so any character is a token of the ascii tokenizer). lower() folds ASCII
-- only, as LIKE does: the matches are exactly those of the former `LIKE` scan. The main process keeps it in step
-- (electron/features/people/search.ts gramText computes the same set).
CREATE VIRTUAL TABLE persons_grams USING fts5 (grams, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'none');

INSERT INTO persons_grams (rowid, grams)
WITH RECURSIVE
  texts (id, t) AS (
    SELECT id, lower(name) FROM persons WHERE name IS NOT NULL AND name <> ''
    UNION ALL
    SELECT id, lower(description) FROM persons WHERE description IS NOT NULL AND description <> ''
  ),
  pos (id, t, i) AS (
    SELECT id, t, 1 FROM texts
    UNION ALL
    SELECT id, t, i + 1 FROM pos WHERE i < length(t)
  ),
  grams (id, g) AS (
    SELECT id, substr(t, i, 1) FROM pos
    UNION SELECT id, substr(t, i, 2) FROM pos WHERE i < length(t)
    UNION SELECT id, substr(pinyin_initials, 1, 1) FROM persons WHERE pinyin_initials <> ''
    UNION SELECT id, substr(pinyin_initials, 1, 2) FROM persons WHERE pinyin_initials <> ''
    UNION SELECT id, substr(pinyin_full, 1, 1) FROM persons WHERE pinyin_full <> ''
    UNION SELECT id, substr(pinyin_full, 1, 2) FROM persons WHERE pinyin_full <> ''
  )
SELECT id, group_concat('g' || hex(g), ' ') FROM grams GROUP BY id;

-- The open stays, in arrival order, for today's board. The partial index stays_open (status NOT IN …) cannot serve a
-- `status IN ('registered', 'in_station', 'at_hospital')` query (SQLite proves a partial index usable only from the
-- same terms), so the board scanned every stay ever recorded; this one states the board's own condition.
CREATE INDEX stays_open_by_arrival ON stays (arrived_at) WHERE status IN ('registered', 'in_station', 'at_hospital');

