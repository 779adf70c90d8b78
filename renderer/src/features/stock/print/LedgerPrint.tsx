import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IN_KINDS, OUT_KINDS, type StockCategory } from '../../../../../shared/domain/stock';
import { useRpcQuery } from '../../../api/hooks';
import { yuan } from '../../../components/format';
import { LoadError } from '../../../components/LoadError';
import { ListTable, PrintFrame, SheetFoot, SheetHead, Signatures } from '../../../components/print';
import { inLabel, outLabel } from '../pages/LedgerPage';
import './ledger.css';

/** 台账 on A4 (landscape-wide columns kept narrow): one row per item, opening, in by kind, out by kind, closing. */
export function LedgerPrint() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const category = (params.get('category') ?? undefined) as StockCategory | undefined;
  const r = useRpcQuery('stock.ledger', { from, to, category });
  if (r.error) return <LoadError error={r.error} />;
  const title = t('stock.print.ledger');
  const heads = [t('stock.lines.item'), t('stock.ledger.openingHead'), ...IN_KINDS.map((k) => inLabel(t, k)), ...OUT_KINDS.map((k) => outLabel(t, k)), t('stock.ledger.closingHead'), t('stock.ledger.closingValue')];
  const narrow = `${(72 / (heads.length - 2)).toFixed(2)}%`;
  return (
    <PrintFrame docTitle={`${title} ${from}–${to}`} backTo="/stock/ledger" ready={!!r.data}>
      <SheetHead title={title} left={`${from} — ${to}`} right={category ? t(`stock.categories.${category}`) : t('stock.stocktake.allCategories')} />
      <div className="stock-ledger-print">
        <ListTable
          title={t('stock.print.ledgerRows')}
          heads={heads}
          widths={['17%', ...Array(heads.length - 2).fill(narrow), '11%']}
          rows={(r.data?.rows ?? []).map((row) => [`${row.item.name}（${row.item.unit}）`, row.opening, ...IN_KINDS.map((k) => row.in[k] || ''), ...OUT_KINDS.map((k) => row.out[k] || ''), row.closing, yuan(row.closingValueFen)])}
          empty={t('print.none')}
        />
      </div>
      <Signatures labels={[t('stock.print.keeperSign'), t('stock.print.leaderSign')]} />
      <SheetFoot />
    </PrintFrame>
  );
}
