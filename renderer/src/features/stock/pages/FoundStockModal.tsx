import { Alert, App, Form, Modal } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockItemView, StocktakeView } from '../../../../../shared/contract/stock';
import { useRpcMutation } from '../../../api/hooks';
import { useFieldErrors } from '../scan/fieldErrors';
import { addScan, baseQuantity, type ScanLine } from '../scan/lines';
import { LinesTable } from '../scan/LinesTable';
import { ScanField, type ScanFieldHandle } from '../scan/ScanField';

/** The stocktake covers this item: every item, or its category only. */
export const inScope = (view: Pick<StocktakeView, 'category'>, item: Pick<StockItemView, 'category'>) => view.category === null || view.category === item.category;

/**
 * 账外物资: stock on the shelf that no batch on the books holds (a box behind the others, a donation never entered).
 * Each line becomes a batch of its own, counted at its quantity with the reason "found", and is posted as found when
 * the stocktake is approved. The lines are built by scan or by name, like a receipt's, without a price: the main
 * process books found stock at no cost. `first` is the item whose scan on the count sheet opened this form.
 */
export function FoundStockModal({ view, first, onClose }: { view: StocktakeView; first?: { item: StockItemView; perScan: number }; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const scan = useRef<ScanFieldHandle>(null);
  const [lines, setLines] = useState<ScanLine[]>(() => (first ? addScan([], first.item, first.perScan) : []));
  const errors = useFieldErrors(t);
  const count = useRpcMutation('stock.stocktakeCount');
  const refocus = () => scan.current?.focus();
  const text = (v: string | undefined) => v?.trim() || undefined;

  const submit = async () => {
    errors.clear();
    const r = await count.mutateAsync({
      stocktakeId: view.id,
      counts: [],
      found: lines.map((l) => ({ itemId: l.item.id, quantity: baseQuantity(l) ?? 0, lot: text(l.lot), producedOn: l.producedOn, expiresOn: l.expiresOn })),
    });
    if (!r.ok) {
      errors.show(r.error, (p) => p.startsWith('found.'));
      return refocus();
    }
    void message.success(t('stock.found.done', { n: lines.length }));
    onClose();
  };

  return (
    <Modal
      open
      width={980}
      title={t('stock.found.title', { id: view.id })}
      okText={t('stock.found.submit')}
      okButtonProps={{ disabled: lines.length === 0 }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      confirmLoading={count.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('stock.found.explain')} style={{ marginBottom: 12 }} />
      <Form layout="vertical" component="div">
        <ScanField
          ref={scan}
          onItem={(item, perScan) => {
            if (!inScope(view, item)) return void message.warning(t('v.stock.outOfScope'));
            setLines((ls) => addScan(ls, item, perScan));
          }}
        />
        <LinesTable lines={lines} onChange={setLines} errors={errors} refocus={refocus} batch={{ price: null }} path="found" />
      </Form>
      {errors.form && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errors.form} />}
    </Modal>
  );
}
