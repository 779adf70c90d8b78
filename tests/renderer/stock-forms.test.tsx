import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { describe, expect, it } from 'vitest';
import '../../renderer/src/app/catalogs';
import { ApiClient, setApiForTests } from '../../renderer/src/api/client';
import { ItemForm } from '../../renderer/src/features/stock/pages/ItemForm';
import type { StockItemView } from '../../shared/contract/stock';
import type { Result } from '../../shared/domain/result';

const WATER: StockItemView = {
  id: 7, name: '矿泉水', category: 'water', size: null, sex: null, unit: '瓶', packs: [{ name: '箱', quantity: 24 }],
  barcodes: [{ code: '6901234567892', quantity: 1 }, { code: '16901234567899', quantity: 24 }], minLevel: 0, tracksExpiry: true,
  shelfLifeDays: null, storagePlace: '', frontDesk: true, active: true, onHand: 0, usable: 0, expired: 0, expiring: 0, nextExpiry: null, belowMinimum: false,
};

function renderForm(answer: Result<unknown>) {
  const sent: unknown[] = [];
  setApiForTests(new ApiClient(async (procedure, input) => (procedure === 'stock.itemSave' ? (sent.push(input), answer) : { ok: true, value: [] })));
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <ItemForm open item={WATER} onClose={() => {}} />
      </AntApp>
    </QueryClientProvider>,
  );
  return sent;
}

describe('the item form', () => {
  it('puts “this barcode belongs to another item” at that barcode, and sends the packs and barcodes as they stand', async () => {
    const sent = renderForm({ ok: false, error: { code: 'VALIDATION', message: 'taken', fields: { 'barcodes.1.code': 'v.stock.barcodeTaken' } } });
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    const field = screen.getByTestId('barcode-1').closest('.ant-form-item') as HTMLElement;
    expect(await within(field).findByText('此条码已属于另一种物资')).toBeInTheDocument();
    expect(within(screen.getByTestId('barcode-0').closest('.ant-form-item') as HTMLElement).queryByText('此条码已属于另一种物资')).toBeNull();
    expect(sent[0]).toMatchObject({ id: 7, packs: [{ name: '箱', quantity: 24 }], barcodes: [{ code: '6901234567892', quantity: 1 }, { code: '16901234567899', quantity: 24 }] });
  });

  it('refuses a barcode the same form gives twice at the second, before asking the main process', async () => {
    const sent = renderForm({ ok: true, value: WATER });
    await userEvent.clear(screen.getByTestId('barcode-1'));
    await userEvent.type(screen.getByTestId('barcode-1'), '6901234567892');
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    const field = screen.getByTestId('barcode-1').closest('.ant-form-item') as HTMLElement;
    expect(await within(field).findByText('同一条码填了两次')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });
});
