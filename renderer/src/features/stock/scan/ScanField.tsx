import { BarcodeOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Tag, type InputRef } from 'antd';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockItemView } from '../../../../../shared/contract/stock';
import { api } from '../../../api/client';
import { useRpcSearch } from '../../../api/useRpcSearch';
import { errorText } from '../../../components/serverErrors';
import { fieldMessage } from '../../../i18n';

export interface ScanFieldHandle {
  focus(): void;
}

interface Props {
  /** A scan (or a pick by name) resolved to an item, counting `perScan` base units. */
  onItem: (item: StockItemView, perScan: number) => void;
  /** Only items this says yes to (front desk: its own items). */
  accept?: (item: StockItemView) => boolean;
  disabled?: boolean;
}

/**
 * Where the focus rests on every quantity screen. A scanner types a code and Enter: `stock.scan` resolves it and the
 * screen adds the line (or counts one more). Without a scanner, typing a name offers the items; picking one adds it.
 * Either way the field empties and keeps the focus for the next scan.
 */
export const ScanField = forwardRef<ScanFieldHandle, Props>(function ScanField({ onItem, accept, disabled }, ref) {
  const { t } = useTranslation();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  // A scanner does not wait: codes are resolved one after another, in the order they were scanned.
  const queue = useRef(Promise.resolve());
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);
  const q = text.trim();
  // A name is searched while typing; a code (digits) is not, it is resolved on Enter.
  const byName = q.length > 0 && !/^[0-9]+$/.test(q);
  const hits = (useRpcSearch('stock.items', byName ? { q } : null).data ?? []).filter((i) => i.active && (!accept || accept(i)));
  const done = (item: StockItemView, perScan: number) => {
    if (accept && !accept(item)) {
      setError(t('v.stock.notFrontDesk'));
      return;
    }
    setError(undefined);
    onItem(item, perScan);
    input.current?.focus();
  };
  const pick = (item: StockItemView) => {
    setText('');
    done(item, 1);
  };
  /** The field empties at once, ready for the next code, while this one is resolved. */
  const scan = () => {
    if (!q) return;
    setText('');
    queue.current = queue.current.then(async () => {
      const r = await api().call('stock.scan', { code: q });
      if (r.ok) done(r.value.item, r.value.perScan);
      else setError(t('stock.scan.failed', { code: q, problem: fieldMessage(r.error.fields?.code) ?? errorText(r.error, t) }));
    });
  };
  return (
    <Form.Item
      label={t('stock.scan.label')}
      htmlFor="stock-scan"
      validateStatus={error ? 'error' : undefined}
      help={error ?? t('stock.scan.help')}
      style={{ marginBottom: 12 }}
    >
      <Input
        id="stock-scan"
        ref={input}
        size="large"
        autoFocus
        autoComplete="off"
        disabled={disabled}
        value={text}
        onChange={(e) => (setText(e.target.value), setError(undefined))}
        prefix={<BarcodeOutlined />}
        placeholder={t('stock.scan.placeholder')}
        data-testid="stock-scan"
        onKeyDown={(e) => {
          // A scanner's Enter resolves the code; with a name typed, Enter takes the first item offered.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (byName && hits[0]) pick(hits[0]);
          else scan();
        }}
      />
      {byName && hits.length > 0 && (
        <Space size={[6, 6]} wrap style={{ marginTop: 6 }} data-testid="stock-scan-hits">
          {hits.slice(0, 8).map((h, i) => (
            <Button key={h.id} size="small" type={i === 0 ? 'primary' : 'default'} ghost={i === 0} onClick={() => pick(h)}>
              <ItemLabel item={h} />
            </Button>
          ))}
        </Space>
      )}
    </Form.Item>
  );
});

export function ItemLabel({ item }: { item: StockItemView }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <span>{item.name}</span>
      {item.size && <Tag>{item.size}</Tag>}
      <Tag>{t(`stock.categories.${item.category}`)}</Tag>
      <span style={{ color: '#888' }}>{t('stock.scan.usable', { n: item.usable, unit: item.unit })}</span>
    </Space>
  );
}
