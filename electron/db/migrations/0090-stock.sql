-- Cooling supplies (issue 11, DOMAIN §3): the catalogue, batches, receipts, issues, reversals, stocktakes, the
-- campaign fund, and the balances every movement keeps. Quantities are whole base units; money is whole fen.
-- Movements and the documents they belong to are append-only: a mistake is corrected by a reversal (红冲) that
-- points at the original, and both stay.

CREATE TABLE stock_items (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  category        TEXT NOT NULL CHECK (category IN ('water', 'medicine', 'food', 'clothing', 'bedding', 'equipment', 'other')),
  size            TEXT CHECK (size IS NULL OR category = 'clothing'),
  sex             TEXT CHECK (sex IS NULL OR (category = 'clothing' AND sex IN ('male', 'female', 'unisex'))),
  unit            TEXT NOT NULL,
  min_level       INTEGER NOT NULL DEFAULT 0 CHECK (min_level >= 0),
  tracks_expiry   INTEGER NOT NULL CHECK (tracks_expiry IN (0, 1)),
  shelf_life_days INTEGER CHECK (shelf_life_days IS NULL OR (shelf_life_days > 0 AND tracks_expiry = 1)),
  storage_place   TEXT NOT NULL DEFAULT '',
  front_desk      INTEGER NOT NULL DEFAULT 0 CHECK (front_desk IN (0, 1)), -- front desk may issue it to a stay
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX stock_items_by_name ON stock_items (name, coalesce(size, ''), coalesce(sex, ''));

-- Packs an item comes in (a 箱 of 24): the forms count in them, the books in base units.
CREATE TABLE stock_packs (
  item_id  INTEGER NOT NULL REFERENCES stock_items (id),
  name     TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 1),
  PRIMARY KEY (item_id, name)
) STRICT, WITHOUT ROWID;

-- A code names one item across the whole catalogue; one scan counts `quantity` base units.
CREATE TABLE stock_barcodes (
  code     TEXT PRIMARY KEY,
  item_id  INTEGER NOT NULL REFERENCES stock_items (id),
  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0)
) STRICT, WITHOUT ROWID;
CREATE INDEX stock_barcodes_by_item ON stock_barcodes (item_id);

-- The campaign fund (夏季送清凉, 150,000 yuan) and its budget by category.
CREATE TABLE stock_funds (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  starts_on  TEXT NOT NULL,
  ends_on    TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (starts_on <= ends_on)
) STRICT;
CREATE TABLE stock_fund_budgets (
  fund_id    INTEGER NOT NULL REFERENCES stock_funds (id),
  category   TEXT NOT NULL CHECK (category IN ('services', 'medicine', 'food', 'clothing', 'other')),
  budget_fen INTEGER NOT NULL CHECK (budget_fen >= 0),
  PRIMARY KEY (fund_id, category)
) STRICT, WITHOUT ROWID;

CREATE TABLE stock_receipts (
  id              INTEGER PRIMARY KEY,
  source          TEXT NOT NULL CHECK (source IN ('purchase', 'donation', 'allocation')),
  supplier        TEXT,
  invoice_no      TEXT,
  donor           TEXT,
  reference       TEXT,
  fund_id         INTEGER REFERENCES stock_funds (id),
  budget_category TEXT CHECK (budget_category IN ('services', 'medicine', 'food', 'clothing', 'other')),
  note            TEXT NOT NULL DEFAULT '',
  total_fen       INTEGER NOT NULL CHECK (total_fen >= 0),
  at              INTEGER NOT NULL,
  by_user         INTEGER NOT NULL REFERENCES users (id),
  CHECK (source <> 'purchase' OR (supplier IS NOT NULL AND invoice_no IS NOT NULL)),
  CHECK (source <> 'donation' OR donor IS NOT NULL),
  CHECK ((fund_id IS NULL) = (budget_category IS NULL)),
  CHECK (fund_id IS NULL OR source = 'purchase')
) STRICT;
CREATE INDEX stock_receipts_by_time ON stock_receipts (at);

CREATE TABLE stock_issues (
  id               INTEGER PRIMARY KEY,
  destination      TEXT NOT NULL CHECK (destination IN ('stay', 'outreach', 'station_use', 'write_off')),
  stay_id          INTEGER REFERENCES stays (id),
  outreach_ref     TEXT,          -- the outreach trip, until the outreach module gives it an id
  department       TEXT,
  write_off_reason TEXT CHECK (write_off_reason IN ('expired', 'damaged', 'other')),
  approved_by      INTEGER REFERENCES users (id),
  recipient        TEXT,
  note             TEXT NOT NULL DEFAULT '',
  value_fen        INTEGER NOT NULL CHECK (value_fen >= 0),
  at               INTEGER NOT NULL,
  by_user          INTEGER NOT NULL REFERENCES users (id),
  CHECK ((destination = 'stay') = (stay_id IS NOT NULL)),
  CHECK ((destination = 'outreach') = (outreach_ref IS NOT NULL)),
  CHECK ((destination = 'station_use') = (department IS NOT NULL)),
  CHECK ((destination = 'write_off') = (write_off_reason IS NOT NULL)),
  CHECK (approved_by IS NULL OR destination = 'write_off')
) STRICT;
CREATE INDEX stock_issues_by_time ON stock_issues (at);
CREATE INDEX stock_issues_by_stay ON stock_issues (stay_id) WHERE stay_id IS NOT NULL;

CREATE TABLE stock_stocktakes (
  id            INTEGER PRIMARY KEY,
  category      TEXT CHECK (category IN ('water', 'medicine', 'food', 'clothing', 'bedding', 'equipment', 'other')),
  status        TEXT NOT NULL CHECK (status IN ('open', 'posted', 'cancelled')),
  note          TEXT NOT NULL DEFAULT '',
  started_at    INTEGER NOT NULL,
  started_by    INTEGER NOT NULL REFERENCES users (id),
  closed_at     INTEGER,
  closed_by     INTEGER REFERENCES users (id),
  approved_by   INTEGER REFERENCES users (id),
  cancel_reason TEXT,
  CHECK ((status = 'open') = (closed_at IS NULL AND closed_by IS NULL)),
  CHECK ((status = 'posted') = (approved_by IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
) STRICT;
-- One stocktake at a time.
CREATE UNIQUE INDEX stock_stocktakes_one_open ON stock_stocktakes (status) WHERE status = 'open';
CREATE INDEX stock_stocktakes_by_time ON stock_stocktakes (closed_at) WHERE status = 'posted';

-- A batch: one receipt line, or stock found at a stocktake. Its facts never change; its balance is in stock_balances.
CREATE TABLE stock_batches (
  id            INTEGER PRIMARY KEY,
  item_id       INTEGER NOT NULL REFERENCES stock_items (id),
  receipt_id    INTEGER REFERENCES stock_receipts (id),
  stocktake_id  INTEGER REFERENCES stock_stocktakes (id),
  lot           TEXT NOT NULL DEFAULT '',
  produced_on   TEXT,
  expires_on    TEXT,
  unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
  created_at    INTEGER NOT NULL,
  CHECK ((receipt_id IS NULL) <> (stocktake_id IS NULL)),
  CHECK (produced_on IS NULL OR expires_on IS NULL OR produced_on <= expires_on)
) STRICT;
CREATE INDEX stock_batches_by_receipt ON stock_batches (receipt_id) WHERE receipt_id IS NOT NULL;
CREATE INDEX stock_batches_by_stocktake ON stock_batches (stocktake_id) WHERE stocktake_id IS NOT NULL;

CREATE TABLE stock_reversals (
  id         INTEGER PRIMARY KEY,
  receipt_id INTEGER UNIQUE REFERENCES stock_receipts (id), -- a document is reversed at most once
  issue_id   INTEGER UNIQUE REFERENCES stock_issues (id),
  charge_id  INTEGER UNIQUE REFERENCES stock_fund_charges (id),
  reason     TEXT NOT NULL,
  at         INTEGER NOT NULL,
  by_user    INTEGER NOT NULL REFERENCES users (id),
  CHECK ((receipt_id IS NOT NULL) + (issue_id IS NOT NULL) + (charge_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX stock_reversals_by_time ON stock_reversals (at);

-- What the fund paid: a purchase's total, a purchased service, or the reversal of either (negative).
CREATE TABLE stock_fund_charges (
  id          INTEGER PRIMARY KEY,
  fund_id     INTEGER NOT NULL REFERENCES stock_funds (id),
  category    TEXT NOT NULL CHECK (category IN ('services', 'medicine', 'food', 'clothing', 'other')),
  amount_fen  INTEGER NOT NULL CHECK (amount_fen <> 0),
  receipt_id  INTEGER REFERENCES stock_receipts (id),
  description TEXT,
  invoice_no  TEXT,
  reversal_id INTEGER REFERENCES stock_reversals (id),
  reverses    INTEGER UNIQUE REFERENCES stock_fund_charges (id),
  at          INTEGER NOT NULL,
  by_user     INTEGER NOT NULL REFERENCES users (id),
  CHECK ((reversal_id IS NULL) = (reverses IS NULL)),
  CHECK ((amount_fen > 0) = (reversal_id IS NULL)),
  CHECK (receipt_id IS NOT NULL OR description IS NOT NULL)
) STRICT;
CREATE INDEX stock_fund_charges_by_category ON stock_fund_charges (fund_id, category, amount_fen);
CREATE INDEX stock_fund_charges_by_receipt ON stock_fund_charges (receipt_id) WHERE receipt_id IS NOT NULL;
CREATE INDEX stock_fund_charges_by_time ON stock_fund_charges (at) WHERE receipt_id IS NULL AND reversal_id IS NULL;

-- Every change of stock, one batch at a time: + into stock, − out. `kind` is the ledger's column; a reversal
-- goes into its original's column with the opposite sign (red ink), and points at the movement it cancels.
CREATE TABLE stock_movements (
  id           INTEGER PRIMARY KEY,
  item_id      INTEGER NOT NULL REFERENCES stock_items (id),
  batch_id     INTEGER NOT NULL REFERENCES stock_batches (id),
  kind         TEXT NOT NULL CHECK (kind IN
                 ('purchase', 'donation', 'allocation', 'stay', 'outreach', 'station_use', 'write_off', 'stocktake')),
  quantity     INTEGER NOT NULL CHECK (quantity <> 0),
  value_fen    INTEGER NOT NULL,    -- quantity × the batch's unit cost
  receipt_id   INTEGER REFERENCES stock_receipts (id),
  issue_id     INTEGER REFERENCES stock_issues (id),
  stocktake_id INTEGER REFERENCES stock_stocktakes (id),
  reversal_id  INTEGER REFERENCES stock_reversals (id),
  reverses     INTEGER REFERENCES stock_movements (id),
  at           INTEGER NOT NULL,
  on_day       TEXT NOT NULL,       -- the station-calendar day: the ledger's periods
  CHECK ((receipt_id IS NOT NULL) + (issue_id IS NOT NULL) + (stocktake_id IS NOT NULL) = 1),
  CHECK ((kind IN ('purchase', 'donation', 'allocation')) = (receipt_id IS NOT NULL)),
  CHECK ((kind IN ('stay', 'outreach', 'station_use', 'write_off')) = (issue_id IS NOT NULL)),
  CHECK ((reversal_id IS NULL) = (reverses IS NULL)),
  CHECK (stocktake_id IS NULL OR reversal_id IS NULL),
  CHECK (receipt_id IS NULL OR (quantity > 0) = (reversal_id IS NULL)),
  CHECK (issue_id IS NULL OR (quantity < 0) = (reversal_id IS NULL))
) STRICT;
-- A movement is reversed at most once.
CREATE UNIQUE INDEX stock_movements_reversed ON stock_movements (reverses) WHERE reverses IS NOT NULL;
-- The ledger: an item's movements by day and column, summed from the index alone.
CREATE INDEX stock_movements_ledger ON stock_movements (item_id, on_day, kind, quantity, value_fen);
-- The balances check: each batch's movements summed from the index alone.
CREATE INDEX stock_movements_by_batch ON stock_movements (batch_id, quantity);
CREATE INDEX stock_movements_by_receipt ON stock_movements (receipt_id) WHERE receipt_id IS NOT NULL;
CREATE INDEX stock_movements_by_issue ON stock_movements (issue_id) WHERE issue_id IS NOT NULL;
CREATE INDEX stock_movements_by_stocktake ON stock_movements (stocktake_id) WHERE stocktake_id IS NOT NULL;
CREATE INDEX stock_movements_by_reversal ON stock_movements (reversal_id) WHERE reversal_id IS NOT NULL;

CREATE TABLE stock_stocktake_lines (
  stocktake_id INTEGER NOT NULL REFERENCES stock_stocktakes (id),
  batch_id     INTEGER NOT NULL REFERENCES stock_batches (id),
  item_id      INTEGER NOT NULL REFERENCES stock_items (id),
  expected     INTEGER NOT NULL CHECK (expected >= 0),  -- the balance when the stocktake started
  book         INTEGER CHECK (book >= 0),               -- the balance when it was counted
  counted      INTEGER CHECK (counted >= 0),
  reason       TEXT CHECK (reason IN ('lost', 'found', 'damaged', 'expired', 'counting_error')),
  counted_at   INTEGER,
  counted_by   INTEGER REFERENCES users (id),
  PRIMARY KEY (stocktake_id, batch_id),
  CHECK ((counted IS NULL) = (book IS NULL) AND (counted IS NULL) = (counted_at IS NULL) AND (counted IS NULL) = (counted_by IS NULL)),
  CHECK (counted IS NULL OR counted = book OR reason IS NOT NULL)
) STRICT, WITHOUT ROWID;

-- Balances: what each batch and each item holds, and the ledger's month totals, kept by the movements' trigger in the
-- movement's own transaction. They are derived: stock/balances.ts recomputes them from the movements (start-up
-- check, tests).
CREATE TABLE stock_balances (
  batch_id   INTEGER PRIMARY KEY REFERENCES stock_batches (id),
  item_id    INTEGER NOT NULL REFERENCES stock_items (id),
  expires_on TEXT,                  -- the batch's, here so that the issue order reads one index
  quantity   INTEGER NOT NULL DEFAULT 0 CHECK (quantity >= 0)
) STRICT;
-- Earliest-expiry-first: the batches of an item that hold anything, in expiry order.
CREATE INDEX stock_balances_on_hand ON stock_balances (item_id, expires_on) WHERE quantity > 0;
CREATE TABLE stock_item_balances (
  item_id  INTEGER PRIMARY KEY REFERENCES stock_items (id),
  quantity INTEGER NOT NULL DEFAULT 0 CHECK (quantity >= 0)
) STRICT;
-- The ledger's month totals per item and column (gains and losses apart), kept by the same trigger: a year's ledger
-- reads a dozen rows a column instead of every movement, and an opening balance one row a month, not all history.
CREATE TABLE stock_month_totals (
  item_id    INTEGER NOT NULL REFERENCES stock_items (id),
  month      TEXT NOT NULL,         -- 'YYYY-MM' of the movements' station-calendar day
  kind       TEXT NOT NULL,
  gained     INTEGER NOT NULL,      -- the sum of its positive movements
  lost       INTEGER NOT NULL,      -- the sum of its negative movements
  gained_fen INTEGER NOT NULL,
  lost_fen   INTEGER NOT NULL,
  PRIMARY KEY (item_id, month, kind)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER stock_items_balance AFTER INSERT ON stock_items
BEGIN INSERT INTO stock_item_balances (item_id) VALUES (NEW.id); END;
CREATE TRIGGER stock_batches_balance AFTER INSERT ON stock_batches
BEGIN INSERT INTO stock_balances (batch_id, item_id, expires_on) VALUES (NEW.id, NEW.item_id, NEW.expires_on); END;
CREATE TRIGGER stock_movements_same_item BEFORE INSERT ON stock_movements
WHEN NEW.item_id IS NOT (SELECT item_id FROM stock_batches WHERE id = NEW.batch_id)
BEGIN SELECT RAISE(ABORT, 'a movement moves its own batch''s item'); END;
-- The CHECKs above refuse a balance below zero: the last line behind the services' STOCK_INSUFFICIENT.
CREATE TRIGGER stock_movements_balance AFTER INSERT ON stock_movements
BEGIN
  UPDATE stock_balances SET quantity = quantity + NEW.quantity WHERE batch_id = NEW.batch_id;
  UPDATE stock_item_balances SET quantity = quantity + NEW.quantity WHERE item_id = NEW.item_id;
  INSERT INTO stock_month_totals (item_id, month, kind, gained, lost, gained_fen, lost_fen)
  VALUES (NEW.item_id, substr(NEW.on_day, 1, 7), NEW.kind, max(NEW.quantity, 0), min(NEW.quantity, 0),
          CASE WHEN NEW.quantity > 0 THEN NEW.value_fen ELSE 0 END, CASE WHEN NEW.quantity < 0 THEN NEW.value_fen ELSE 0 END)
  ON CONFLICT (item_id, month, kind) DO UPDATE SET gained = gained + excluded.gained, lost = lost + excluded.lost,
    gained_fen = gained_fen + excluded.gained_fen, lost_fen = lost_fen + excluded.lost_fen;
END;

-- Append-only: movements and the documents they belong to are never changed or removed.
CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;
CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;
CREATE TRIGGER stock_receipts_no_update BEFORE UPDATE ON stock_receipts
BEGIN SELECT RAISE(ABORT, 'stock receipts are append-only'); END;
CREATE TRIGGER stock_receipts_no_delete BEFORE DELETE ON stock_receipts
BEGIN SELECT RAISE(ABORT, 'stock receipts are append-only'); END;
CREATE TRIGGER stock_issues_no_update BEFORE UPDATE ON stock_issues
BEGIN SELECT RAISE(ABORT, 'stock issues are append-only'); END;
CREATE TRIGGER stock_issues_no_delete BEFORE DELETE ON stock_issues
BEGIN SELECT RAISE(ABORT, 'stock issues are append-only'); END;
CREATE TRIGGER stock_reversals_no_update BEFORE UPDATE ON stock_reversals
BEGIN SELECT RAISE(ABORT, 'stock reversals are append-only'); END;
CREATE TRIGGER stock_reversals_no_delete BEFORE DELETE ON stock_reversals
BEGIN SELECT RAISE(ABORT, 'stock reversals are append-only'); END;
CREATE TRIGGER stock_batches_no_update BEFORE UPDATE ON stock_batches
BEGIN SELECT RAISE(ABORT, 'stock batches never change'); END;
CREATE TRIGGER stock_batches_no_delete BEFORE DELETE ON stock_batches
BEGIN SELECT RAISE(ABORT, 'stock batches never change'); END;
CREATE TRIGGER stock_fund_charges_no_update BEFORE UPDATE ON stock_fund_charges
BEGIN SELECT RAISE(ABORT, 'fund charges are append-only'); END;
CREATE TRIGGER stock_fund_charges_no_delete BEFORE DELETE ON stock_fund_charges
BEGIN SELECT RAISE(ABORT, 'fund charges are append-only'); END;
CREATE TRIGGER stock_items_no_delete BEFORE DELETE ON stock_items
BEGIN SELECT RAISE(ABORT, 'stock items are kept; set them inactive'); END;
-- A stocktake is a working document while open; once posted or cancelled it is sealed.
CREATE TRIGGER stock_stocktakes_sealed BEFORE UPDATE ON stock_stocktakes WHEN OLD.status <> 'open'
BEGIN SELECT RAISE(ABORT, 'a closed stocktake never changes'); END;
CREATE TRIGGER stock_stocktakes_no_delete BEFORE DELETE ON stock_stocktakes
BEGIN SELECT RAISE(ABORT, 'a stocktake is kept'); END;
CREATE TRIGGER stock_stocktake_lines_sealed_insert BEFORE INSERT ON stock_stocktake_lines
WHEN (SELECT status FROM stock_stocktakes WHERE id = NEW.stocktake_id) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'a closed stocktake never changes'); END;
CREATE TRIGGER stock_stocktake_lines_sealed_update BEFORE UPDATE ON stock_stocktake_lines
WHEN (SELECT status FROM stock_stocktakes WHERE id = OLD.stocktake_id) IS NOT 'open'
  OR NEW.stocktake_id IS NOT OLD.stocktake_id OR NEW.batch_id IS NOT OLD.batch_id OR NEW.expected IS NOT OLD.expected
BEGIN SELECT RAISE(ABORT, 'a closed stocktake never changes'); END;
CREATE TRIGGER stock_stocktake_lines_no_delete BEFORE DELETE ON stock_stocktake_lines
BEGIN SELECT RAISE(ABORT, 'a closed stocktake never changes'); END;
