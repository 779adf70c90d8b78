/**
 * Cooling supplies (DOMAIN §3): the words of the stock module, shared by both processes. Quantities are integers in
 * an item's base unit (a box of 24 bottles is received as 24 bottles); money is integer fen.
 */
import { isRealDate, parseCalendarDate } from './calendar';

export const STOCK_CATEGORIES = ['water', 'medicine', 'food', 'clothing', 'bedding', 'equipment', 'other'] as const;
export type StockCategory = (typeof STOCK_CATEGORIES)[number];

/** Summer clothing is kept by size and by whom it is cut for. */
export const CLOTHING_SEXES = ['male', 'female', 'unisex'] as const;

export const RECEIPT_SOURCES = ['purchase', 'donation', 'allocation'] as const;
export type ReceiptSource = (typeof RECEIPT_SOURCES)[number];

export const ISSUE_DESTINATIONS = ['stay', 'outreach', 'station_use', 'write_off'] as const;
export type IssueDestination = (typeof ISSUE_DESTINATIONS)[number];

export const WRITE_OFF_REASONS = ['expired', 'damaged', 'other'] as const;
export type WriteOffReason = (typeof WRITE_OFF_REASONS)[number];

/** Why a count differs from the book. A surplus is found (or miscounted); a shortage lost, damaged, expired or miscounted. */
export const STOCKTAKE_REASONS = ['lost', 'found', 'damaged', 'expired', 'counting_error'] as const;
export type StocktakeReason = (typeof STOCKTAKE_REASONS)[number];
export const SURPLUS_REASONS: readonly StocktakeReason[] = ['found', 'counting_error'];
export const SHORTAGE_REASONS: readonly StocktakeReason[] = ['lost', 'damaged', 'expired', 'counting_error'];

/** The campaign fund's categories (the plan: purchased services, medicine, food, clothing, other). */
export const BUDGET_CATEGORIES = ['services', 'medicine', 'food', 'clothing', 'other'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
/** A category this far spent (per mille of its budget) is warned about before it is exceeded. */
export const BUDGET_WARN_PERMILLE = 900;

/**
 * A movement's ledger column. A reversal (红冲) goes into its original's column with the opposite sign, as red ink
 * does in a paper ledger, so each column is the net of what really happened.
 */
export const IN_KINDS = ['purchase', 'donation', 'allocation', 'stocktake'] as const;
export const OUT_KINDS = ['stay', 'outreach', 'station_use', 'write_off', 'stocktake'] as const;
export type InKind = (typeof IN_KINDS)[number];
export type OutKind = (typeof OUT_KINDS)[number];
export type MovementKind = ReceiptSource | IssueDestination | 'stocktake';

/** The last day a batch may be issued is its expiry date; from the next day it is expired. */
export const isExpired = (expiresOn: string | null, today: string): boolean => expiresOn !== null && expiresOn < today;

/** `days` after a calendar day ('2026-07-20' + 30 → '2026-08-19'). */
export function addDays(day: string, days: number): string {
  const p = parseCalendarDate(day);
  if (!p || !isRealDate(p.y, p.m, p.d)) throw new Error(`not a calendar date: ${day}`);
  return new Date(Date.UTC(p.y, p.m - 1, p.d + days)).toISOString().slice(0, 10);
}

/** How much of a budget is spent, per mille (rounded down); an empty budget is full at the first fen. */
export function spentPermille(spentFen: number, budgetFen: number): number {
  if (budgetFen <= 0) return spentFen > 0 ? 1000 : 0;
  return Math.floor((spentFen * 1000) / budgetFen);
}

/**
 * A period of station-calendar days cut at month boundaries: the whole months inside it (read from month totals),
 * and at most two runs of days at its ends (read day by day). `from` null: from the beginning of the records.
 */
export function splitByMonth(from: string | null, to: string): { months: [string, string] | null; days: [string, string][] } {
  if (from !== null && from > to) return { months: null, days: [] };
  const days: [string, string][] = [];
  const monthOf = (d: string) => d.slice(0, 7);
  const firstOf = (m: string) => `${m}-01`;
  const lastOf = (m: string) => addDays(firstOf(monthAfter(m)), -1);
  let first = from === null ? '0000-01' : monthOf(from);
  let last = monthOf(to);
  if (from !== null && from !== firstOf(first)) {
    days.push([from, first === last ? to : lastOf(first)]);
    if (first === last) return { months: null, days };
    first = monthAfter(first);
  }
  if (to !== lastOf(last)) {
    days.push([firstOf(last), to]);
    last = monthBefore(last);
  }
  return { months: first <= last ? [first, last] : null, days };
}

export function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}
export function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${String(y - 1).padStart(4, '0')}-12` : `${String(y).padStart(4, '0')}-${String(m - 1).padStart(2, '0')}`;
}
