import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useRpcQuery } from '../../../api/hooks';
import { yuan } from '../../../components/format';
import { LoadError } from '../../../components/LoadError';
import { FieldRow, FormTable, ListTable, PrintFrame, SheetFoot, SheetHead, Signatures, useWhen } from '../../../components/print';

/** 盘点报告: each batch's book and counted quantity, the difference and its reason; signed by counter and approver. */
export function StocktakePrint() {
  const { t } = useTranslation();
  const at = useWhen();
  const id = Number(useParams().id);
  const r = useRpcQuery('stock.stocktakeGet', { stocktakeId: id });
  if (r.error) return <LoadError error={r.error} />;
  const v = r.data;
  const title = t('stock.print.stocktakeReport');
  return (
    <PrintFrame docTitle={`${title} ${id}`} backTo={`/stock/stocktake/${id}`} ready={!!v} notice={v && v.status !== 'posted' ? t('stock.print.notPosted') : undefined}>
      {v && (
        <>
          <SheetHead title={title} left={t('stock.print.number', { id: v.id })} right={t(`stock.stocktake.statuses.${v.status}`)} />
          <FormTable widths={['15%', '35%', '15%', '35%']}>
            <FieldRow fields={[{ label: t('stock.stocktake.scope'), value: v.category ? t(`stock.categories.${v.category}`) : t('stock.stocktake.allCategories') }, { label: t('stock.stocktake.startedAt'), value: `${at(v.startedAt)} ${v.startedBy.displayName}` }]} />
            <FieldRow fields={[{ label: t('stock.approval.who'), value: v.approvedBy?.displayName ?? '' }, { label: t('stock.stocktake.differenceValue'), value: yuan(v.differenceValueFen) }]} />
          </FormTable>
          <ListTable
            title={t('stock.print.lines')}
            heads={[t('stock.lines.item'), t('stock.lines.lot'), t('stock.lines.expiresOn'), t('stock.stocktake.book'), t('stock.stocktake.counted'), t('stock.stocktake.difference'), t('stock.stocktake.reason')]}
            widths={['26%', '12%', '14%', '11%', '11%', '11%', '15%']}
            rows={v.lines.map((l) => [l.found ? `${l.itemName}（${t('stock.found.tag')}）` : l.itemName, l.lot || `#${l.batchId}`, l.expiresOn ?? '', `${l.book ?? l.expected} ${l.unit}`, l.counted ?? '', l.difference ?? '', l.reason ? t(`stock.stocktakeReasons.${l.reason}`) : ''])}
            empty={t('print.none')}
          />
          <Signatures labels={[t('stock.print.counterSign'), t('stock.print.keeperSign'), t('stock.print.approverSign')]} />
          <SheetFoot />
        </>
      )}
    </PrintFrame>
  );
}
