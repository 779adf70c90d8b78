import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { MovementLine } from '../../../../../shared/contract/stock';
import { useRpcQuery } from '../../../api/hooks';
import { yuan } from '../../../components/format';
import { LoadError } from '../../../components/LoadError';
import { FieldRow, FormTable, ListTable, PrintFrame, SheetFoot, SheetHead, Signatures, useWhen } from '../../../components/print';

const WIDTHS = ['6%', '28%', '14%', '14%', '12%', '12%', '14%'];

/** The lines of a note, with a total row: quantities in each item's unit, values in yuan. */
function Lines({ lines, total }: { lines: MovementLine[]; total: number }) {
  const { t } = useTranslation();
  const rows = lines.map((l, i) => [i + 1, l.itemName, l.lot || `#${l.batchId}`, l.expiresOn ?? '', `${Math.abs(l.quantity)} ${l.unit}`, yuan(l.unitCostFen), yuan(Math.abs(l.valueFen))]);
  return (
    <ListTable
      title={t('stock.print.lines')}
      heads={['#', t('stock.lines.item'), t('stock.lines.lot'), t('stock.lines.expiresOn'), t('stock.lines.quantity'), t('stock.lines.unitPrice'), t('stock.lines.value')]}
      widths={WIDTHS}
      rows={[...rows, ['', t('stock.print.total'), '', '', '', '', yuan(Math.abs(total))]]}
      empty={t('print.none')}
    />
  );
}

/** 入库单: what came in, from whom, on which batches; signed by the storekeeper and the one who delivered it. */
export function ReceiptPrint() {
  const { t } = useTranslation();
  const at = useWhen();
  const id = Number(useParams().id);
  const r = useRpcQuery('stock.receiptGet', { receiptId: id });
  if (r.error) return <LoadError error={r.error} />;
  const v = r.data;
  const title = t('stock.print.receiptNote');
  return (
    <PrintFrame docTitle={`${title} ${id}`} backTo="/stock/journal" ready={!!v} notice={v?.reversal ? t('stock.print.reversedNotice') : undefined}>
      {v && (
        <>
          <SheetHead title={title} left={t('stock.print.number', { id: v.id })} right={at(v.at)} />
          <FormTable widths={['15%', '35%', '15%', '35%']}>
            <FieldRow fields={[{ label: t('stock.receive.source'), value: t(`stock.sources.${v.source}`) }, { label: v.source === 'purchase' ? t('stock.receive.supplier') : v.source === 'donation' ? t('stock.receive.donor') : t('stock.receive.reference'), value: v.supplier ?? v.donor ?? v.reference ?? '' }]} />
            <FieldRow fields={[{ label: t('stock.receive.invoiceNo'), value: v.invoiceNo ?? '' }, { label: t('stock.receive.charge'), value: v.charge ? `${v.charge.fundName} · ${t(`stock.budgetCategories.${v.charge.category}`)}` : '' }]} />
            <FieldRow fields={[{ label: t('stock.note'), value: v.note, span: 3 }]} />
          </FormTable>
          <Lines lines={v.lines} total={v.totalFen} />
          <Signatures labels={[t('stock.print.keeperSign'), t('stock.print.delivererSign'), t('stock.print.leaderSign')]} />
          <SheetFoot />
        </>
      )}
    </PrintFrame>
  );
}

/** 出库单: what went out, where to, by batch; with a line for the recipient to sign. */
export function IssuePrint() {
  const { t } = useTranslation();
  const at = useWhen();
  const id = Number(useParams().id);
  const r = useRpcQuery('stock.issueGet', { issueId: id });
  if (r.error) return <LoadError error={r.error} />;
  const v = r.data;
  const title = t('stock.print.issueNote');
  const where = v && (v.stay ? (v.stay.name ?? v.stay.description ?? `#${v.stay.id}`) : (v.department ?? v.outreachRef ?? (v.writeOffReason ? t(`stock.writeOffReasons.${v.writeOffReason}`) : '')));
  return (
    <PrintFrame docTitle={`${title} ${id}`} backTo="/stock/journal" ready={!!v} notice={v?.reversal ? t('stock.print.reversedNotice') : undefined}>
      {v && (
        <>
          <SheetHead title={title} left={t('stock.print.number', { id: v.id })} right={at(v.at)} />
          <FormTable widths={['15%', '35%', '15%', '35%']}>
            <FieldRow fields={[{ label: t('stock.issue.destination'), value: t(`stock.destinations.${v.destination}`) }, { label: t('stock.print.to'), value: where }]} />
            <FieldRow fields={[{ label: t('stock.issue.recipient'), value: v.recipient ?? (v.stay ? where : '') }, { label: t('stock.approval.who'), value: v.approvedBy?.displayName ?? '' }]} />
            <FieldRow fields={[{ label: t('stock.note'), value: v.note, span: 3 }]} />
          </FormTable>
          <Lines lines={v.lines} total={v.valueFen} />
          <Signatures labels={[t('stock.print.keeperSign'), t('stock.print.recipientSign'), ...(v.destination === 'write_off' ? [t('stock.print.leaderSign')] : [])]} />
          <SheetFoot />
        </>
      )}
    </PrintFrame>
  );
}
