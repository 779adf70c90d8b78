import type { StockItemView } from '../../../../../shared/contract/stock';

/**
 * The lines of a receipt, an issue or a count as the storekeeper builds them: a scan adds a line or counts one
 * more on the item's line; a quantity may be entered in packs (3 箱 of 24) or in the item's own unit.
 */
export interface ScanLine {
  /** Stable across re-renders and edits (an item may appear once; a receipt may split it by batch later). */
  key: string;
  item: StockItemView;
  /** The pack the count is in; null: the item's own unit. */
  pack: string | null;
  count: number | null;
  lot?: string;
  producedOn?: string;
  expiresOn?: string;
  /** A receipt's unit price as typed, in yuan (text, so that 1.255 reaches the main process and is refused there). */
  unitPrice?: string;
}

export const packSize = (item: StockItemView, pack: string | null): number => (pack === null ? 1 : (item.packs.find((p) => p.name === pack)?.quantity ?? 1));

/** The line's quantity in base units; null while no count is entered. */
export const baseQuantity = (l: ScanLine): number | null => (l.count === null ? null : l.count * packSize(l.item, l.pack));

let next = 0;
const newKey = () => `line-${++next}`;

/**
 * One scan of `item`, counting `perScan` base units (a box's code counts its bottles). The item's line counts one
 * more pack when the code is the pack's; otherwise the line goes over to base units. A new item gets a line of its
 * own, first in the list, where the storekeeper is looking.
 */
export function addScan(lines: readonly ScanLine[], item: StockItemView, perScan: number): ScanLine[] {
  const pack = perScan > 1 ? (item.packs.find((p) => p.quantity === perScan)?.name ?? null) : null;
  const at = lines.findIndex((l) => l.item.id === item.id);
  if (at < 0) return [{ key: newKey(), item, pack, count: pack ? 1 : perScan }, ...lines];
  const line = lines[at]!;
  const updated: ScanLine =
    line.pack === pack
      ? { ...line, count: (line.count ?? 0) + (pack ? 1 : perScan) }
      : { ...line, pack: null, count: (baseQuantity(line) ?? 0) + perScan };
  return lines.map((l, i) => (i === at ? updated : l));
}

/** Yuan as typed to fen: "1.5" → 150. A fraction of a fen stays a fraction, for the main process to refuse at the field. */
export function fenOf(yuanText: string | undefined): number | undefined {
  const text = yuanText?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return Number.NaN;
  const fen = Math.round(value * 100 * 1000) / 1000;
  return fen;
}
