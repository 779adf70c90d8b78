import { z } from 'zod';
import {
  BUDGET_CATEGORIES,
  CLOTHING_SEXES,
  RECEIPT_SOURCES,
  STOCK_CATEGORIES,
  STOCKTAKE_REASONS,
  WRITE_OFF_REASONS,
} from '../domain/stock';
import { mutation, output, query } from './define';
import { period as exportPeriod, type ExportStarted } from './export';
import { calendarDate, currentPassword, id, requiredText, text, wholeNumber } from './fields';
import type {
  BalanceCheck,
  FundChargesPage,
  FundView,
  IssueDone,
  IssueView,
  JournalPage,
  LedgerEntries,
  LedgerReport,
  ReceiptView,
  ScanResult,
  StaffRef,
  StayIssueLine,
  StockItemDetail,
  StockItemView,
  StocktakeSummary,
  StocktakeView,
} from './stock-views';

export type * from './stock-views';

/**
 * Cooling supplies (issue 11, DOMAIN §3). Quantities are whole numbers of an item's base unit; money is whole fen.
 * Every movement is immutable: a mistake is corrected by a reversal (红冲) that points at the original.
 */

/** A quantity moved or counted: a whole, positive number of base units. */
export const stockQuantity = z
  .number()
  .int({ message: 'v.stock.quantity' })
  .min(1, { message: 'v.stock.quantity' })
  .max(1_000_000, { message: 'v.range' });
/** Money in whole fen: a price with a fraction of a fen is refused, never rounded. */
export const fen = (max: number) => z.number().int({ message: 'v.stock.fen' }).min(0, { message: 'v.stock.fen' }).max(max, { message: 'v.range' });
/** What a scanner types: EAN/UPC digits, or a station's own label. */
export const barcode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z.-]{4,32}$/, { message: 'v.stock.barcode' });
/** An admin or duty leader approves at the storekeeper's desk with their own password (co-signing). */
export const approver = z.object({ userId: id, password: currentPassword });

export const itemSaveInput = z
  .object({
    /** Absent: a new item. */
    id: id.optional(),
    name: requiredText(60),
    category: z.enum(STOCK_CATEGORIES),
    size: text(20).optional(),
    sex: z.enum(CLOTHING_SEXES).optional(),
    /** The base unit everything is counted in: 瓶, 盒, 件. */
    unit: requiredText(10),
    /** Packs it comes in: a 箱 of 24. Received and issued as base units; the packs help the forms count. */
    packs: z
      .array(z.object({ name: requiredText(10), quantity: z.number().int({ message: 'v.wholeNumber' }).min(2, { message: 'v.stock.packSize' }).max(100_000, { message: 'v.range' }) }))
      .max(10)
      .default([]),
    /** Barcodes, unique across items; `quantity` base units per scan (a box's code counts 24). */
    barcodes: z.array(z.object({ code: barcode, quantity: stockQuantity.default(1) })).max(20).default([]),
    minLevel: wholeNumber(0, 1_000_000).default(0),
    tracksExpiry: z.boolean(),
    /** Default shelf life: the expiry of a batch received without one is its production day (or today) plus this. */
    shelfLifeDays: wholeNumber(1, 3650).optional(),
    storagePlace: text(40).default(''),
    /** Front desk may issue it to a stay (water, heat-stroke medicine, a set of summer clothes). */
    frontDesk: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.category !== 'clothing') {
      if (v.size) ctx.addIssue({ code: 'custom', path: ['size'], message: 'v.stock.clothingOnly' });
      if (v.sex) ctx.addIssue({ code: 'custom', path: ['sex'], message: 'v.stock.clothingOnly' });
    }
    if (!v.tracksExpiry && v.shelfLifeDays !== undefined) ctx.addIssue({ code: 'custom', path: ['shelfLifeDays'], message: 'v.stock.shelfLifeNoExpiry' });
    const seen = new Set<string>();
    v.barcodes.forEach((b, i) => {
      if (seen.has(b.code)) ctx.addIssue({ code: 'custom', path: ['barcodes', i, 'code'], message: 'v.stock.barcodeDuplicate' });
      seen.add(b.code);
    });
    const packs = new Set<string>();
    v.packs.forEach((p, i) => {
      if (packs.has(p.name)) ctx.addIssue({ code: 'custom', path: ['packs', i, 'name'], message: 'v.stock.packDuplicate' });
      packs.add(p.name);
    });
  });

/** A batch's own dates: an expiry before the production day is refused at the expiry. */
const batchDates = { lot: text(40).optional(), producedOn: calendarDate.optional(), expiresOn: calendarDate.optional() };
const datesInOrder = (v: { producedOn?: string; expiresOn?: string }, ctx: z.RefinementCtx) => {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the guard only spells out that both dates are given; an absent date compared with `<` is false either way
  if (v.producedOn && v.expiresOn && v.expiresOn < v.producedOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'v.stock.expiryBeforeProduction' });
};

export const receiptLine = z
  .object({
    itemId: id,
    quantity: stockQuantity,
    /** Purchase: the unit price paid; donation: the estimated value of one unit; allocation: optional. */
    unitPriceFen: fen(100_000_000).optional(),
    ...batchDates,
  })
  .superRefine(datesInOrder);

export const receiveInput = z
  .object({
    source: z.enum(RECEIPT_SOURCES),
    supplier: text(80).optional(),
    invoiceNo: text(40).optional(),
    donor: text(80).optional(),
    /** A bureau allocation's document number. */
    reference: text(80).optional(),
    /** The campaign fund and category a purchase is paid from. */
    charge: z.object({ fundId: id, category: z.enum(BUDGET_CATEGORIES) }).optional(),
    /** The purchase takes the category over its budget, and the storekeeper was told and goes ahead. */
    confirmOverBudget: z.boolean().default(false),
    note: text(300).default(''),
    lines: z.array(receiptLine).min(1, { message: 'v.stock.linesRequired' }).max(100),
  })
  .superRefine((v, ctx) => {
    const need = (field: 'supplier' | 'invoiceNo' | 'donor') => {
      if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'v.required' });
    };
    if (v.source === 'purchase') {
      need('supplier');
      need('invoiceNo');
      v.lines.forEach((l, i) => l.unitPriceFen === undefined && ctx.addIssue({ code: 'custom', path: ['lines', i, 'unitPriceFen'], message: 'v.required' }));
    }
    if (v.source === 'donation') need('donor');
    if (v.charge && v.source !== 'purchase') ctx.addIssue({ code: 'custom', path: ['charge'], message: 'v.stock.chargePurchaseOnly' });
  });

const issueLine = z.object({ itemId: id, quantity: stockQuantity });
const issueLines = z.array(issueLine).min(1, { message: 'v.stock.linesRequired' }).max(50);
const recipient = text(40).optional();

/** Issues to an outreach trip, to station use, or written off. Batches are chosen earliest-expiry-first. */
export const issueInput = z.discriminatedUnion('destination', [
  z.object({ destination: z.literal('outreach'), outreachRef: requiredText(80), recipient, note: text(300).default(''), lines: issueLines }),
  z.object({ destination: z.literal('station_use'), department: requiredText(40), recipient, note: text(300).default(''), lines: issueLines }),
  z
    .object({
      destination: z.literal('write_off'),
      reason: z.enum(WRITE_OFF_REASONS),
      note: text(300).default(''),
      /** A write-off may name the batch (the damaged box in hand); otherwise expired batches go first. */
      lines: z
        .array(issueLine.extend({ batchId: id.optional() }))
        .min(1, { message: 'v.stock.linesRequired' })
        .max(50),
      /** Needed above the write-off value set in settings. */
      approver: approver.optional(),
    })
    .superRefine((v, ctx) => {
      if (v.reason === 'other' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'v.required' });
    }),
]);

export const issueToStayInput = z.object({ stayId: id, lines: issueLines, note: text(300).default('') });

export const reverseInput = z.object({ kind: z.enum(['receipt', 'issue', 'charge']), id, reason: requiredText(200) });

export const stocktakeCountInput = z
  .object({
    stocktakeId: id,
    /** Counts by batch; entering a batch again replaces its count (the stocktake is open until approved). */
    counts: z
      .array(z.object({ batchId: id, counted: wholeNumber(0, 1_000_000), reason: z.enum(STOCKTAKE_REASONS).optional() }))
      .max(500)
      .default([]),
    /** Stock found that no batch on the books holds: a new batch, posted as found when approved. */
    found: z
      .array(z.object({ itemId: id, quantity: stockQuantity, ...batchDates }).superRefine(datesInOrder))
      .max(50)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.counts.length + v.found.length === 0) ctx.addIssue({ code: 'custom', path: ['counts'], message: 'v.stock.linesRequired' });
  });

export const fundSaveInput = z
  .object({
    id: id.optional(),
    name: requiredText(60),
    startsOn: calendarDate,
    endsOn: calendarDate,
    budgets: z.object(Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, fen(10_000_000_000)])) as Record<(typeof BUDGET_CATEGORIES)[number], ReturnType<typeof fen>>),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'v.stock.period' });
  });

const period = z
  .object({ from: calendarDate, to: calendarDate })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'v.stock.period' });
  });

export const JOURNAL_KINDS = ['receipt', 'issue', 'reversal', 'stocktake', 'charge'] as const;

export const stockContract = {
  // The catalogue
  'stock.itemSave': mutation('stock.write', itemSaveInput, output<StockItemDetail>()),
  'stock.items': query('stock.read', z.object({ q: text(60).default(''), category: z.enum(STOCK_CATEGORIES).optional(), includeInactive: z.boolean().default(false) }), output<StockItemView[]>()),
  'stock.item': query('stock.read', z.object({ itemId: id }), output<StockItemDetail>()),
  'stock.scan': query('stock.read', z.object({ code: requiredText(64) }), output<ScanResult>()),
  // Movements
  'stock.receive': mutation('stock.write', receiveInput, output<ReceiptView>()),
  'stock.receiptGet': query('stock.read', z.object({ receiptId: id }), output<ReceiptView>()),
  'stock.issue': mutation('stock.write', issueInput, output<IssueDone>()),
  'stock.issueToStay': mutation('stock.issue_to_stay', issueToStayInput, output<IssueDone>()),
  'stock.issueGet': query('stock.read', z.object({ issueId: id }), output<IssueView>()),
  'stock.stayIssues': query('stock.read', z.object({ stayId: id }), output<StayIssueLine[]>()),
  'stock.reverse': mutation('stock.write', reverseInput, output<{ reversalId: number }>()),
  'stock.journal': query(
    'stock.read',
    z.object({
      from: calendarDate.optional(),
      to: calendarDate.optional(),
      kind: z.enum(JOURNAL_KINDS).optional(),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).max(10_000_000).default(0),
    }),
    output<JournalPage>(),
  ),
  'stock.approvers': query('stock.read', z.object({}), output<StaffRef[]>()),
  // Stocktake
  'stock.stocktakeStart': mutation('stock.write', z.object({ category: z.enum(STOCK_CATEGORIES).optional(), note: text(300).default('') }), output<StocktakeView>()),
  'stock.stocktakeCount': mutation('stock.write', stocktakeCountInput, output<StocktakeView>()),
  'stock.stocktakeApprove': mutation('stock.write', z.object({ stocktakeId: id, approver }), output<StocktakeView>()),
  'stock.stocktakeCancel': mutation('stock.write', z.object({ stocktakeId: id, reason: requiredText(200) }), output<StocktakeView>()),
  'stock.stocktakeGet': query('stock.read', z.object({ stocktakeId: id }), output<StocktakeView>()),
  'stock.stocktakes': query('stock.read', z.object({}), output<StocktakeSummary[]>()),
  // Ledger and budget
  'stock.ledger': query('stock.read', period.safeExtend({ itemId: id.optional(), category: z.enum(STOCK_CATEGORIES).optional() }), output<LedgerReport>()),
  'stock.ledgerEntries': query('stock.read', period.safeExtend({ itemId: id }), output<LedgerEntries>()),
  /** The ledger of every item for a period as XLSX (台账), through the exporter (electron/features/export). */
  'stock.exportLedger': mutation('stock.read', exportPeriod, output<ExportStarted>()),
  'stock.budget': query('stock.read', z.object({}), output<FundView[]>()),
  'stock.fundSave': mutation('settings.manage', fundSaveInput, output<FundView>()),
  'stock.fundCharge': mutation(
    'stock.write',
    z.object({ fundId: id, category: z.enum(BUDGET_CATEGORIES), amountFen: fen(10_000_000_000).min(1, { message: 'v.stock.fen' }), description: requiredText(120), invoiceNo: text(40).optional(), confirmOverBudget: z.boolean().default(false) }),
    output<FundView>(),
  ),
  /** A fund's charges and their reversals, newest first. */
  'stock.fundCharges': query(
    'stock.read',
    z.object({ fundId: id, limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).max(10_000_000).default(0) }),
    output<FundChargesPage>(),
  ),
  // Balances against movements
  /** The last check of the balances against the movements (at start-up, or by a rebuild); null before one ran. */
  'stock.balancesCheck': query('stock.read', z.object({}), output<BalanceCheck | null>()),
  'stock.balancesRebuild': mutation('stock.write', z.object({}), output<BalanceCheck>()),
};
