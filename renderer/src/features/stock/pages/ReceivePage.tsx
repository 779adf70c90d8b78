import { Alert, App, Button, Card, Col, Form, Input, Row, Segmented, Select, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReceiptView } from '../../../../../shared/contract/stock';
import { BUDGET_CATEGORIES, RECEIPT_SOURCES, type BudgetCategory, type ReceiptSource } from '../../../../../shared/domain/stock';
import { useRpcMutation, useRpcQuery } from '../../../api/hooks';
import { yuan } from '../../../components/format';
import { useFieldErrors } from '../scan/fieldErrors';
import { addScan, baseQuantity, fenOf, type ScanLine } from '../scan/lines';
import { LinesTable } from '../scan/LinesTable';
import { ScanField, type ScanFieldHandle } from '../scan/ScanField';

interface Header {
  supplier?: string;
  invoiceNo?: string;
  donor?: string;
  reference?: string;
  fundId?: number;
  category?: BudgetCategory;
  note?: string;
}
const HEADER_FIELDS = ['supplier', 'invoiceNo', 'donor', 'reference', 'charge', 'note'];

/** 入库: a purchase, a donation or a bureau allocation; lines by scan, each with its batch, dates and price. */
export function ReceivePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const scan = useRef<ScanFieldHandle>(null);
  const [source, setSource] = useState<ReceiptSource>('donation');
  const [header, setHeader] = useState<Header>({});
  const [lines, setLines] = useState<ScanLine[]>([]);
  const [done, setDone] = useState<ReceiptView | null>(null);
  const errors = useFieldErrors(t);
  const receive = useRpcMutation('stock.receive');
  const funds = useRpcQuery('stock.budget', {}, { enabled: source === 'purchase' });
  const refocus = () => scan.current?.focus();
  const set = (patch: Partial<Header>) => setHeader((h) => ({ ...h, ...patch }));
  const text = (v: string | undefined) => v?.trim() || undefined;

  const submit = async (confirmOverBudget = false) => {
    errors.clear();
    const badPrice = lines.findIndex((l) => Number.isNaN(fenOf(l.unitPrice)));
    if (badPrice >= 0) return errors.set(`lines.${badPrice}.unitPriceFen`, t('v.stock.fen'));
    const r = await receive.mutateAsync({
      source,
      supplier: source === 'purchase' ? text(header.supplier) : undefined,
      invoiceNo: source === 'purchase' ? text(header.invoiceNo) : undefined,
      donor: source === 'donation' ? text(header.donor) : undefined,
      reference: source === 'allocation' ? text(header.reference) : undefined,
      charge: source === 'purchase' && header.fundId !== undefined && header.category ? { fundId: header.fundId, category: header.category } : undefined,
      confirmOverBudget,
      note: header.note?.trim() ?? '',
      lines: lines.map((l) => ({
        itemId: l.item.id,
        quantity: baseQuantity(l) ?? 0,
        unitPriceFen: fenOf(l.unitPrice),
        lot: text(l.lot),
        producedOn: l.producedOn,
        expiresOn: l.expiresOn,
      })),
    });
    if (!r.ok) {
      if (r.error.fields?.confirmOverBudget) {
        modal.confirm({ title: t('stock.receive.overBudget'), content: t('v.stock.overBudget'), okText: t('stock.receive.goAhead'), onOk: () => submit(true) });
        return;
      }
      errors.show(r.error, (p) => p.startsWith('lines.') || HEADER_FIELDS.includes(p));
      return refocus();
    }
    setDone(r.value);
    setLines([]);
    void message.success(t('stock.receive.done', { id: r.value.id }));
    if (r.value.expiredOnArrival.length) void message.warning(t('stock.receive.expiredOnArrival'));
    refocus();
  };

  const field = (name: keyof Header, label: string, required = false) => (
    <Col xs={24} md={8}>
      <Form.Item label={label} required={required} htmlFor={`receive-${name}`} validateStatus={errors.at(name) ? 'error' : undefined} help={errors.at(name)}>
        <Input id={`receive-${name}`} value={header[name] as string | undefined} onChange={(e) => set({ [name]: e.target.value })} />
      </Form.Item>
    </Col>
  );
  return (
    <Card title={t('stock.receive.title')} data-testid="stock-receive">
      <Form layout="vertical" component="div">
        <Form.Item label={t('stock.receive.source')}>
          <Segmented<ReceiptSource> value={source} onChange={(s) => (setSource(s), errors.clear(), refocus())} options={RECEIPT_SOURCES.map((s) => ({ value: s, label: t(`stock.sources.${s}`) }))} />
        </Form.Item>
        <Row gutter={16}>
          {source === 'purchase' && field('supplier', t('stock.receive.supplier'), true)}
          {source === 'purchase' && field('invoiceNo', t('stock.receive.invoiceNo'), true)}
          {source === 'donation' && field('donor', t('stock.receive.donor'), true)}
          {source === 'allocation' && field('reference', t('stock.receive.reference'))}
          {source === 'purchase' && (
            <Col xs={24} md={8}>
              <Form.Item label={t('stock.receive.charge')} validateStatus={errors.at('charge') ? 'error' : undefined} help={errors.at('charge')}>
                <Space.Compact style={{ width: '100%' }}>
                  <Select allowClear style={{ width: '55%' }} value={header.fundId} onChange={(fundId?: number) => set({ fundId })} options={(funds.data ?? []).map((f) => ({ value: f.id, label: f.name }))} placeholder={t('stock.receive.fund')} />
                  <Select allowClear style={{ width: '45%' }} value={header.category} onChange={(category?: BudgetCategory) => set({ category })} options={BUDGET_CATEGORIES.map((c) => ({ value: c, label: t(`stock.budgetCategories.${c}`) }))} placeholder={t('stock.receive.category')} />
                </Space.Compact>
              </Form.Item>
            </Col>
          )}
          {field('note', t('stock.note'))}
        </Row>
        <ScanField ref={scan} onItem={(item, perScan) => setLines((ls) => addScan(ls, item, perScan))} />
        <LinesTable lines={lines} onChange={setLines} errors={errors} refocus={refocus} batch={{ price: source === 'purchase' ? 'paid' : 'estimate' }} />
        {errors.form && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errors.form} />}
        <Space style={{ marginTop: 16 }} wrap>
          <Button type="primary" size="large" onClick={() => void submit()} loading={receive.isPending} disabled={lines.length === 0} data-testid="receive-submit">
            {t('stock.receive.submit')}
          </Button>
          {done && (
            <span data-testid="receive-done">
              {t('stock.receive.last', { id: done.id, value: yuan(done.totalFen) })} <Link to={`/print/stock-receipt/${done.id}`}>{t('stock.print.receiptNote')}</Link>
            </span>
          )}
        </Space>
      </Form>
    </Card>
  );
}
