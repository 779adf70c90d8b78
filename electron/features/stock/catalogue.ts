import type { z } from 'zod';
import type { itemSaveInput } from '../../../shared/contract/stock';
import type { BatchView, ScanResult, StockItemDetail, StockItemView } from '../../../shared/contract/stock-views';
import { AppError } from '../../../shared/domain/result';
import { addDays, isExpired } from '../../../shared/domain/stock';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import type { StockCtx } from './context';

interface ItemRow {
  id: number;
  name: string;
  category: StockItemView['category'];
  size: string | null;
  sex: StockItemView['sex'];
  unit: string;
  min_level: number;
  tracks_expiry: number;
  shelf_life_days: number | null;
  storage_place: string;
  front_desk: number;
  active: number;
  on_hand: number;
  expired: number;
  expiring: number;
  next_expiry: string | null;
}

/**
 * Every item with its balance from the balances tables: the item's total, and from its batches that hold anything
 * (a partial index: a few rows per item, however long the history) what is expired, expiring and next to expire.
 * All items in one pass over the batches on hand; one item by its own.
 */
const COLUMNS = `i.id, i.name, i.category, i.size, i.sex, i.unit, i.min_level, i.tracks_expiry, i.shelf_life_days, i.storage_place, i.front_desk, i.active, ib.quantity AS on_hand`;
const ALL_ITEMS = `
  SELECT ${COLUMNS}, coalesce(e.expired, 0) AS expired, coalesce(e.expiring, 0) AS expiring, e.next_expiry
  FROM stock_items i JOIN stock_item_balances ib ON ib.item_id = i.id
  LEFT JOIN (
    SELECT item_id, sum(CASE WHEN expires_on < :today THEN quantity END) AS expired,
           sum(CASE WHEN expires_on BETWEEN :today AND :soon THEN quantity END) AS expiring,
           min(CASE WHEN expires_on >= :today THEN expires_on END) AS next_expiry
    FROM stock_balances WHERE quantity > 0 GROUP BY item_id
  ) e ON e.item_id = i.id
  ORDER BY i.category, i.name, i.size, i.id`;
const ITEMS = `
  SELECT ${COLUMNS},
         coalesce((SELECT sum(b.quantity) FROM stock_balances b WHERE b.item_id = i.id AND b.quantity > 0 AND b.expires_on < :today), 0) AS expired,
         coalesce((SELECT sum(b.quantity) FROM stock_balances b WHERE b.item_id = i.id AND b.quantity > 0 AND b.expires_on BETWEEN :today AND :soon), 0) AS expiring,
         (SELECT min(b.expires_on) FROM stock_balances b WHERE b.item_id = i.id AND b.quantity > 0 AND b.expires_on >= :today) AS next_expiry
  FROM stock_items i JOIN stock_item_balances ib ON ib.item_id = i.id`;
const ONE_ITEM = `${ITEMS} WHERE i.id = :id`;

type Pack = StockItemView['packs'][number];
type Code = StockItemView['barcodes'][number];

function byItem<T>(rows: ({ item_id: number } & T)[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const { item_id, ...rest } of rows) {
    const list = map.get(item_id) ?? [];
    list.push(rest as unknown as T);
    map.set(item_id, list);
  }
  return map;
}

function packsAndCodes(db: DB, itemId?: number): { packs: Map<number, Pack[]>; codes: Map<number, Code[]> } {
  const packs = (itemId === undefined
    ? cached(db, 'SELECT item_id, name, quantity FROM stock_packs ORDER BY item_id, quantity').all()
    : cached(db, 'SELECT item_id, name, quantity FROM stock_packs WHERE item_id = ? ORDER BY quantity').all(itemId)) as ({ item_id: number } & Pack)[];
  const codes = (itemId === undefined
    ? cached(db, 'SELECT item_id, code, quantity FROM stock_barcodes ORDER BY item_id, quantity, code').all()
    : cached(db, 'SELECT item_id, code, quantity FROM stock_barcodes WHERE item_id = ? ORDER BY quantity, code').all(itemId)) as ({ item_id: number } & Code)[];
  return { packs: byItem<Pack>(packs), codes: byItem<Code>(codes) };
}

function toView(r: ItemRow, packs: Pack[] = [], codes: Code[] = []): StockItemView {
  const usable = r.on_hand - r.expired;
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    size: r.size,
    sex: r.sex,
    unit: r.unit,
    packs,
    barcodes: codes,
    minLevel: r.min_level,
    tracksExpiry: r.tracks_expiry === 1,
    shelfLifeDays: r.shelf_life_days,
    storagePlace: r.storage_place,
    frontDesk: r.front_desk === 1,
    active: r.active === 1,
    onHand: r.on_hand,
    usable,
    expired: r.expired,
    expiring: r.expiring,
    nextExpiry: r.next_expiry,
    belowMinimum: usable < r.min_level,
  };
}

const window = (c: Pick<StockCtx, 'today' | 'settings'>) => ({ today: c.today, soon: addDays(c.today, c.settings.stockExpiringDays) });

/** The on-hand balance of every item (or the active ones), with expiry figures. */
export function listItems(c: Pick<StockCtx, 'db' | 'today' | 'settings'>, filter: { q?: string; category?: string; includeInactive?: boolean } = {}): StockItemView[] {
  const rows = cached(c.db, ALL_ITEMS).all(window(c)) as ItemRow[];
  const { packs, codes } = packsAndCodes(c.db);
  const q = filter.q?.trim().toLowerCase() ?? '';
  return rows
    .filter((r) => filter.includeInactive || r.active === 1)
    .filter((r) => !filter.category || r.category === filter.category)
    .map((r) => toView(r, packs.get(r.id), codes.get(r.id)))
    .filter((v) => !q || v.name.toLowerCase().includes(q) || v.storagePlace.toLowerCase().includes(q) || v.barcodes.some((b) => b.code.toLowerCase() === q));
}

export function itemView(c: Pick<StockCtx, 'db' | 'today' | 'settings'>, itemId: number): StockItemView {
  const row = cached(c.db, ONE_ITEM).get({ ...window(c), id: itemId }) as ItemRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such item.');
  const { packs, codes } = packsAndCodes(c.db, itemId);
  return toView(row, packs.get(itemId), codes.get(itemId));
}

interface BatchRow {
  id: number;
  item_id: number;
  lot: string;
  produced_on: string | null;
  expires_on: string | null;
  unit_cost_fen: number;
  on_hand: number;
  receipt_id: number | null;
  stocktake_id: number | null;
  created_at: number;
}
export const toBatchView = (b: BatchRow, today: string): BatchView => ({
  id: b.id,
  itemId: b.item_id,
  lot: b.lot,
  producedOn: b.produced_on,
  expiresOn: b.expires_on,
  unitCostFen: b.unit_cost_fen,
  onHand: b.on_hand,
  expired: isExpired(b.expires_on, today),
  receiptId: b.receipt_id,
  stocktakeId: b.stocktake_id,
  createdAt: b.created_at,
});

/** An item and its batches on hand: usable ones earliest expiry first (the order an issue takes them), then expired. */
export function itemDetail(c: Pick<StockCtx, 'db' | 'today' | 'settings'>, itemId: number): StockItemDetail {
  const item = itemView(c, itemId);
  const batches = (
    cached(
      c.db,
      `SELECT b.*, s.quantity AS on_hand FROM stock_balances s JOIN stock_batches b ON b.id = s.batch_id
       WHERE s.item_id = ? AND s.quantity > 0 ORDER BY s.expires_on IS NOT NULL AND s.expires_on < ?, s.expires_on NULLS LAST, s.batch_id`,
    ).all(itemId, c.today) as BatchRow[]
  ).map((b) => toBatchView(b, c.today));
  return { ...item, batches };
}

export function scan(c: Pick<StockCtx, 'db' | 'today' | 'settings'>, code: string): ScanResult {
  const hit = cached(c.db, 'SELECT item_id, quantity FROM stock_barcodes WHERE code = ?').get(code.trim()) as { item_id: number; quantity: number } | undefined;
  if (!hit) throw new AppError('VALIDATION', 'No item has this barcode.', { code: 'v.stock.unknownBarcode' });
  // Stryker disable next-line MethodExpression: the contract trims \`code\` (requiredText), and stock.scan is scan's only caller
  return { code: code.trim(), perScan: hit.quantity, item: itemView(c, hit.item_id) };
}

/** Creates or changes an item; its packs and barcodes are replaced by the ones given. A barcode names one item only. */
export function saveItem(c: StockCtx, input: z.output<typeof itemSaveInput>): { itemId: number } {
  const { db, now } = c;
  if (input.id !== undefined) itemView(c, input.id);
  // Stryker disable next-line ConditionalExpression: itemSaveInput refuses a size for anything but clothing, and every caller parses with it
  const size = input.category === 'clothing' ? (input.size ?? null) || null : null;
  // Stryker disable next-line ConditionalExpression: itemSaveInput refuses a sex (cut) for anything but clothing, and every caller parses with it
  const sex = input.category === 'clothing' ? (input.sex ?? null) : null;
  const twin = cached(
    db,
    "SELECT id FROM stock_items WHERE name = ? AND coalesce(size, '') = coalesce(?, '') AND coalesce(sex, '') = coalesce(?, '') AND id IS NOT ?",
  ).get(input.name, size, sex, input.id ?? null);
  if (twin) throw new AppError('VALIDATION', 'An item of this name (size, sex) exists.', { name: 'v.stock.itemNameTaken' });
  input.barcodes.forEach((b, i) => {
    const owner = cached(db, 'SELECT item_id FROM stock_barcodes WHERE code = ?').get(b.code) as { item_id: number } | undefined;
    if (owner && owner.item_id !== input.id) throw new AppError('VALIDATION', 'This barcode belongs to another item.', { [`barcodes.${i}.code`]: 'v.stock.barcodeTaken' });
  });
  const values = [
    input.name,
    input.category,
    size,
    sex,
    input.unit,
    input.minLevel,
    input.tracksExpiry ? 1 : 0,
    input.tracksExpiry ? (input.shelfLifeDays ?? null) : null,
    input.storagePlace,
    input.frontDesk ? 1 : 0,
    input.active ? 1 : 0,
  ];
  let itemId: number;
  if (input.id === undefined) {
    itemId = Number(
      cached(
        db,
        `INSERT INTO stock_items (name, category, size, sex, unit, min_level, tracks_expiry, shelf_life_days, storage_place, front_desk, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values, now, now).lastInsertRowid,
    );
  } else {
    itemId = input.id;
    cached(
      db,
      `UPDATE stock_items SET name = ?, category = ?, size = ?, sex = ?, unit = ?, min_level = ?, tracks_expiry = ?, shelf_life_days = ?,
       storage_place = ?, front_desk = ?, active = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, now, itemId);
    cached(db, 'DELETE FROM stock_packs WHERE item_id = ?').run(itemId);
    cached(db, 'DELETE FROM stock_barcodes WHERE item_id = ?').run(itemId);
  }
  for (const p of input.packs) cached(db, 'INSERT INTO stock_packs (item_id, name, quantity) VALUES (?, ?, ?)').run(itemId, p.name, p.quantity);
  for (const b of input.barcodes) cached(db, 'INSERT INTO stock_barcodes (code, item_id, quantity) VALUES (?, ?, ?)').run(b.code, itemId, b.quantity);
  return { itemId };
}
