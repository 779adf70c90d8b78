import type { Period } from '../../../shared/contract/export';
import type { LedgerReport, LedgerRow } from '../../../shared/contract/stock-views';
import type { StockCategory } from '../../../shared/domain/stock';
import { sheet, type Column, type Sheet } from '../export/sheet';

/** The ledger (台账) as the bureau reads it: one row per item, the quantities in its unit, the values in yuan. */

const CATEGORY_LABELS: Record<StockCategory, string> = {
  water: '饮用水',
  medicine: '防暑药品',
  food: '食品',
  clothing: '衣物',
  bedding: '床上用品',
  equipment: '设备',
  other: '其他',
};

/** An item's row, or the totals row at the foot (values only: bottles and boxes do not add up). */
export type LedgerSheetRow = { total: false; row: LedgerRow } | { total: true; row: Pick<LedgerRow, 'openingValueFen' | 'inValueFen' | 'outValueFen' | 'closingValueFen'> };

const sumIn = (r: LedgerRow) => Object.values(r.in).reduce((n, x) => n + x, 0);
const sumOut = (r: LedgerRow) => Object.values(r.out).reduce((n, x) => n + x, 0);
const qty = (f: (r: LedgerRow) => number) => (x: LedgerSheetRow) => (x.total ? null : f(x.row));

export const LEDGER_COLUMNS: readonly Column<LedgerSheetRow>[] = [
  { header: '类别', type: 'text', width: 10, value: (x) => (x.total ? '合计' : CATEGORY_LABELS[x.row.item.category]) },
  { header: '物资名称', type: 'text', width: 22, value: (x) => (x.total ? null : x.row.item.name) },
  { header: '单位', type: 'text', width: 6, value: (x) => (x.total ? null : x.row.item.unit) },
  { header: '期初数量', type: 'integer', value: qty((r) => r.opening) },
  { header: '期初金额', type: 'money', value: (x) => x.row.openingValueFen },
  { header: '采购入库', type: 'integer', value: qty((r) => r.in.purchase) },
  { header: '捐赠入库', type: 'integer', value: qty((r) => r.in.donation) },
  { header: '局拨入库', type: 'integer', value: qty((r) => r.in.allocation) },
  { header: '盘盈', type: 'integer', value: qty((r) => r.in.stocktake) },
  { header: '入库合计', type: 'integer', value: qty(sumIn) },
  { header: '入库金额', type: 'money', value: (x) => x.row.inValueFen },
  { header: '发放受助人员', type: 'integer', width: 13, value: qty((r) => r.out.stay) },
  { header: '外展巡查', type: 'integer', value: qty((r) => r.out.outreach) },
  { header: '站内使用', type: 'integer', value: qty((r) => r.out.station_use) },
  { header: '报损', type: 'integer', value: qty((r) => r.out.write_off) },
  { header: '盘亏', type: 'integer', value: qty((r) => r.out.stocktake) },
  { header: '出库合计', type: 'integer', value: qty(sumOut) },
  { header: '出库金额', type: 'money', value: (x) => x.row.outValueFen },
  { header: '期末数量', type: 'integer', value: qty((r) => r.closing) },
  { header: '期末金额', type: 'money', value: (x) => x.row.closingValueFen },
];

export const LEDGER_TITLE = '防暑物资台账';
export const ledgerFileName = (p: Period): string => `${LEDGER_TITLE}_${p.from}_${p.to}.xlsx`;

export function ledgerSheet(p: Period, report: LedgerReport): Sheet {
  const add = (k: 'openingValueFen' | 'inValueFen' | 'outValueFen' | 'closingValueFen') => report.rows.reduce((n, r) => n + r[k], 0);
  const rows: LedgerSheetRow[] = [
    ...report.rows.map((row) => ({ total: false as const, row })),
    { total: true, row: { openingValueFen: add('openingValueFen'), inValueFen: add('inValueFen'), outValueFen: add('outValueFen'), closingValueFen: add('closingValueFen') } },
  ];
  return sheet({ name: LEDGER_TITLE, title: LEDGER_TITLE, period: p, columns: LEDGER_COLUMNS, rows });
}
