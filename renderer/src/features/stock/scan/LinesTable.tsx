import { DeleteOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { format, parseISO } from 'date-fns';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../../components/DatePicker';
import type { FieldErrors } from './fieldErrors';
import { baseQuantity, type ScanLine } from './lines';

interface Props {
  lines: ScanLine[];
  onChange: (lines: ScanLine[]) => void;
  errors: FieldErrors;
  /** Back to the code field (Enter in a quantity). */
  refocus: () => void;
  /**
   * Lines that become new batches (a receipt, stock found at a stocktake) also take the lot and dates, and a price
   * where there is one: paid (a purchase), estimated (a donation, an allocation), or none (found stock).
   */
  batch?: { price: 'paid' | 'estimate' | null };
  /** Where the lines sit in the procedure's input, for their field errors: `lines`, or a stocktake's `found`. */
  path?: string;
}

const day = (d: Date | null) => (d ? format(d, 'yyyy-MM-dd') : undefined);

/** An error under its cell, the way Form.Item shows one. */
function Cell({ error, children }: { error?: string; children: ReactNode }) {
  return (
    <Form.Item validateStatus={error ? 'error' : undefined} help={error} style={{ marginBottom: 0 }}>
      {children}
    </Form.Item>
  );
}

/** The lines being received or issued; a quantity in packs or in the item's unit, each error at its cell. */
export function LinesTable({ lines, onChange, errors, refocus, batch, path = 'lines' }: Props) {
  const { t } = useTranslation();
  const at = (i: number, field: string) => errors.at(`${path}.${i}.${field}`);
  const edit = (i: number, patch: Partial<ScanLine>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const enter = { onPressEnter: refocus };
  // What the main process does with an empty expiry (receipts.ts, batchExpiry): none kept, the shelf life, or refused.
  const expiryHint = (l: ScanLine) =>
    !l.item.tracksExpiry ? t('stock.lines.noExpiry') : l.item.shelfLifeDays ? t('stock.lines.byShelfLife', { days: l.item.shelfLifeDays }) : t('stock.lines.expiryNeeded');
  return (
    <Table<ScanLine>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={lines}
      locale={{ emptyText: t('stock.lines.empty') }}
      data-testid="stock-lines"
      columns={[
        {
          title: t('stock.lines.item'),
          render: (_, l, i) => (
            <Cell error={at(i, 'itemId')}>
              <Space size={4} wrap>
                <strong>{l.item.name}</strong>
                {l.item.size && <Tag>{l.item.size}</Tag>}
                <span style={{ color: '#888' }}>{t('stock.scan.usable', { n: l.item.usable, unit: l.item.unit })}</span>
              </Space>
            </Cell>
          ),
        },
        {
          title: t('stock.lines.quantity'),
          width: 240,
          render: (_, l, i) => (
            <Cell error={at(i, 'quantity')}>
              <Space.Compact>
                <InputNumber
                  aria-label={t('stock.lines.quantityOf', { item: l.item.name })}
                  data-testid={`qty-${l.item.id}`}
                  min={0}
                  precision={0}
                  value={l.count}
                  onChange={(v) => edit(i, { count: v })}
                  status={at(i, 'quantity') ? 'error' : undefined}
                  style={{ width: 100 }}
                  {...enter}
                />
                <Select
                  aria-label={t('stock.lines.pack')}
                  value={l.pack ?? ''}
                  onChange={(v: string) => edit(i, { pack: v || null })}
                  style={{ width: 100 }}
                  options={[{ value: '', label: l.item.unit }, ...l.item.packs.map((p) => ({ value: p.name, label: `${p.name}(${p.quantity})` }))]}
                />
              </Space.Compact>
              {l.pack && baseQuantity(l) !== null && <div style={{ color: '#888', fontSize: 12 }}>= {baseQuantity(l)} {l.item.unit}</div>}
            </Cell>
          ),
        },
        ...(batch
          ? [
              {
                title: t('stock.lines.lot'),
                width: 120,
                render: (_: unknown, l: ScanLine, i: number) => (
                  <Cell error={at(i, 'lot')}>
                    <Input value={l.lot} onChange={(e) => edit(i, { lot: e.target.value })} aria-label={t('stock.lines.lot')} {...enter} />
                  </Cell>
                ),
              },
              {
                title: t('stock.lines.producedOn'),
                width: 140,
                render: (_: unknown, l: ScanLine, i: number) => (
                  <Cell error={at(i, 'producedOn')}>
                    <DatePicker value={l.producedOn ? parseISO(l.producedOn) : null} onChange={(d) => edit(i, { producedOn: day(d) })} aria-label={t('stock.lines.producedOn')} />
                  </Cell>
                ),
              },
              {
                title: t('stock.lines.expiresOn'),
                width: 140,
                render: (_: unknown, l: ScanLine, i: number) => (
                  <Cell error={at(i, 'expiresOn')}>
                    <DatePicker
                      value={l.expiresOn ? parseISO(l.expiresOn) : null}
                      onChange={(d) => edit(i, { expiresOn: day(d) })}
                      disabled={!l.item.tracksExpiry}
                      placeholder={expiryHint(l)}
                      aria-label={t('stock.lines.expiresOn')}
                      data-testid={`expiry-${l.item.id}`}
                    />
                  </Cell>
                ),
              },
              ...(batch.price === null
                ? []
                : [{
                title: batch.price === 'paid' ? t('stock.lines.unitPrice') : t('stock.lines.unitValue'),
                width: 120,
                render: (_: unknown, l: ScanLine, i: number) => (
                  <Cell error={at(i, 'unitPriceFen')}>
                    <Input value={l.unitPrice} onChange={(e) => edit(i, { unitPrice: e.target.value })} suffix={t('stock.yuanPer', { unit: l.item.unit })} aria-label={t('stock.lines.unitPrice')} inputMode="decimal" data-testid={`price-${l.item.id}`} {...enter} />
                  </Cell>
                ),
              }]),
            ]
          : []),
        {
          width: 48,
          render: (_, l) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('stock.lines.remove')} onClick={() => (onChange(lines.filter((x) => x.key !== l.key)), refocus())} />,
        },
      ]}
    />
  );
}
