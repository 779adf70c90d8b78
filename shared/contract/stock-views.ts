import type {
  BudgetCategory,
  InKind,
  IssueDestination,
  MovementKind,
  OutKind,
  ReceiptSource,
  StockCategory,
  StocktakeReason,
  WriteOffReason,
} from '../domain/stock';

/** What the stock procedures return (shared/contract/stock.ts). Quantities in base units, money in fen. */

export interface StaffRef {
  id: number;
  displayName: string;
}

export interface StockItemView {
  id: number;
  name: string;
  category: StockCategory;
  size: string | null;
  sex: 'male' | 'female' | 'unisex' | null;
  unit: string;
  packs: { name: string; quantity: number }[];
  barcodes: { code: string; quantity: number }[];
  minLevel: number;
  tracksExpiry: boolean;
  shelfLifeDays: number | null;
  storagePlace: string;
  frontDesk: boolean;
  active: boolean;
  /** Everything on the shelf, expired included. */
  onHand: number;
  /** What may be issued: on hand and not expired. */
  usable: number;
  expired: number;
  /** Usable, and expiring within the setting's days. */
  expiring: number;
  /** The earliest expiry among the usable batches. */
  nextExpiry: string | null;
  /** Usable stock is under the minimum level. */
  belowMinimum: boolean;
}

export interface BatchView {
  id: number;
  itemId: number;
  lot: string;
  producedOn: string | null;
  expiresOn: string | null;
  unitCostFen: number;
  onHand: number;
  expired: boolean;
  /** Where it came from: a receipt, or found at a stocktake. */
  receiptId: number | null;
  stocktakeId: number | null;
  createdAt: number;
}

/** An item with its batches on hand, in the order an issue takes them (earliest expiry first, expired last). */
export interface StockItemDetail extends StockItemView {
  batches: BatchView[];
}

export interface ScanResult {
  code: string;
  /** Base units one scan of this code counts (a box's code counts its bottles). */
  perScan: number;
  item: StockItemView;
}

/** One movement of one batch, as documents and prints show it. Issues are negative, receipts positive. */
export interface MovementLine {
  movementId: number;
  itemId: number;
  itemName: string;
  unit: string;
  batchId: number;
  lot: string;
  expiresOn: string | null;
  quantity: number;
  unitCostFen: number;
  valueFen: number;
}

export interface ReversalView {
  id: number;
  reason: string;
  at: number;
  by: StaffRef;
  lines: MovementLine[];
}

export interface ReceiptView {
  id: number;
  source: ReceiptSource;
  supplier: string | null;
  invoiceNo: string | null;
  donor: string | null;
  reference: string | null;
  charge: { fundId: number; fundName: string; category: BudgetCategory } | null;
  note: string;
  totalFen: number;
  at: number;
  by: StaffRef;
  lines: MovementLine[];
  reversal: ReversalView | null;
  /** Lines received already expired (the storekeeper is told at once; the stock is for writing off). */
  expiredOnArrival: number[];
}

/**
 * What an issue answers at the desk: its number and value, all the issue page shows. The note (出库单) is read when
 * it is opened or printed (`stock.issueGet`): re-reading an issue's lines for an answer nobody shows cost an issue
 * across 50 batches a sixth of its time (issue 11's bench).
 */
export interface IssueDone {
  id: number;
  valueFen: number;
}

export interface IssueView {
  id: number;
  destination: IssueDestination;
  stay: { id: number; personId: number; name: string | null; description: string | null } | null;
  outreachRef: string | null;
  department: string | null;
  writeOffReason: WriteOffReason | null;
  approvedBy: StaffRef | null;
  recipient: string | null;
  note: string;
  valueFen: number;
  at: number;
  by: StaffRef;
  lines: MovementLine[];
  reversal: ReversalView | null;
}

/** Supplies given to a stay, for the stay's page: one line per item of each issue. */
export interface StayIssueLine {
  issueId: number;
  itemId: number;
  itemName: string;
  unit: string;
  quantity: number;
  at: number;
  by: StaffRef;
  reversed: boolean;
}

export type JournalKind = 'receipt' | 'issue' | 'reversal' | 'stocktake' | 'charge';
export interface JournalEntry {
  kind: JournalKind;
  id: number;
  at: number;
  by: StaffRef;
  /** The receipt's source, the issue's destination, the reversed document's kind, or the charge's category. */
  type: string;
  /** Supplier, donor, department, stay, reason…: one line for the list. */
  summary: string;
  /** Base units moved (net, by sign: in positive, out negative); 0 for a charge. */
  quantity: number;
  valueFen: number;
  reversed: boolean;
}
export interface JournalPage {
  total: number;
  entries: JournalEntry[];
}

export interface StocktakeLineView {
  batchId: number;
  itemId: number;
  itemName: string;
  unit: string;
  lot: string;
  expiresOn: string | null;
  /** The batch's balance when the stocktake started. */
  expected: number;
  /** The batch's balance when it was counted: the stocktake started at `expected`, then movements went on. */
  book: number | null;
  counted: number | null;
  /** counted − book, once counted. */
  difference: number | null;
  reason: StocktakeReason | null;
  unitCostFen: number;
  countedAt: number | null;
  countedBy: StaffRef | null;
  /** Found at the stocktake: no batch on the books held it. */
  found: boolean;
}

export interface StocktakeView {
  id: number;
  category: StockCategory | null;
  status: 'open' | 'posted' | 'cancelled';
  note: string;
  startedAt: number;
  startedBy: StaffRef;
  closedAt: number | null;
  closedBy: StaffRef | null;
  approvedBy: StaffRef | null;
  cancelReason: string | null;
  lines: StocktakeLineView[];
  uncounted: number;
  /** Σ difference × unit cost: what the stocktake gains (+) or loses (−). */
  differenceValueFen: number;
}

export interface StocktakeSummary {
  id: number;
  category: StockCategory | null;
  status: StocktakeView['status'];
  startedAt: number;
  startedBy: StaffRef;
  closedAt: number | null;
  lines: number;
  differences: number;
}

export interface LedgerRow {
  item: { id: number; name: string; unit: string; category: StockCategory };
  opening: number;
  in: Record<InKind, number>;
  out: Record<OutKind, number>;
  closing: number;
  openingValueFen: number;
  inValueFen: number;
  outValueFen: number;
  closingValueFen: number;
}
export interface LedgerReport {
  from: string;
  to: string;
  rows: LedgerRow[];
}

export interface LedgerEntry {
  /** The document: receipt, issue, stocktake, or the reversal of a receipt or issue. */
  kind: JournalKind;
  id: number;
  column: MovementKind;
  at: number;
  day: string;
  quantity: number;
  valueFen: number;
  balance: number;
}
export interface LedgerEntries {
  item: LedgerRow['item'];
  from: string;
  to: string;
  opening: number;
  entries: LedgerEntry[];
  closing: number;
}

export interface FundCategoryView {
  category: BudgetCategory;
  budgetFen: number;
  spentFen: number;
  remainingFen: number;
  /** Spent per mille of the budget. */
  permille: number;
  state: 'ok' | 'warning' | 'exceeded';
}
export interface FundView {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  budgetFen: number;
  spentFen: number;
  categories: FundCategoryView[];
}

/**
 * One entry of a fund's charges, newest first: a payment (positive), or the reversal (红冲) of one (negative, pointing
 * at it). Both stay; the fund's spent amount is their sum.
 */
export interface FundChargeView {
  id: number;
  category: BudgetCategory;
  amountFen: number;
  description: string | null;
  invoiceNo: string | null;
  /** A purchase's charge: it goes, and is reversed, with its receipt. */
  receiptId: number | null;
  at: number;
  by: StaffRef;
  /** This entry cancels that charge. */
  reverses: number | null;
  /** The entry that cancels this charge. */
  reversedBy: number | null;
  /** The reversal document: the one that cancels this charge, or the one this entry belongs to. */
  reversal: { id: number; reason: string; at: number; by: StaffRef } | null;
}
export interface FundChargesPage {
  total: number;
  charges: FundChargeView[];
}

/** A balance (of a batch, or an item's total), or a ledger month total, that differs from its movements. */
export interface BalanceMismatch {
  itemId: number;
  /** The batch's balance; null for the item's total or a month total. */
  batchId: number | null;
  /** A month total ('YYYY-MM') of the ledger column `kind`; null for a balance. */
  month: string | null;
  kind: string | null;
  /** Net quantity as recorded, and as the movements sum it. */
  recorded: number;
  fromMovements: number;
}
export interface BalanceCheck {
  ok: boolean;
  checkedAt: number;
  mismatches: BalanceMismatch[];
}
