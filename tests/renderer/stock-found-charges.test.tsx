import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../renderer/src/app/catalogs';
import { SessionProvider, useSession } from '../../renderer/src/app/session';
import { StockRoutes } from '../../renderer/src/features/stock/StockRoutes';
import type { FundChargeView, FundView, StockItemView, StocktakeLineView, StocktakeView } from '../../shared/contract/stock';
import type { Result } from '../../shared/domain/result';
import { fakeMainProcess } from './fake-main';

beforeEach(() => sessionStorage.clear());

/** The stock module's pages at `path`, signed in as a storekeeper, against a fake main process that records each call. */
function renderStock(path: string, answers: Record<string, unknown>) {
  const fake = fakeMainProcess(path, 'storekeeper', '张库管', { 'stock.items': [], 'stock.approvers': [], ...answers });
  const SignedIn = ({ children }: { children: ReactNode }) => (useSession().gate.kind === 'signedIn' ? children : null);
  render(
    <SessionProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <AntApp>
          <MemoryRouter initialEntries={[path]}>
            <SignedIn>
              <Routes>
                <Route path="/stock/*" element={<StockRoutes />} />
              </Routes>
            </SignedIn>
          </MemoryRouter>
        </AntApp>
      </QueryClientProvider>
    </SessionProvider>,
  );
  return fake;
}

const item = (id: number, name: string, extra: Partial<StockItemView> = {}): StockItemView => ({
  id, name, category: 'water', size: null, sex: null, unit: '瓶', packs: [], barcodes: [], minLevel: 0, tracksExpiry: true, shelfLifeDays: null,
  storagePlace: '', frontDesk: false, active: true, onHand: 0, usable: 0, expired: 0, expiring: 0, nextExpiry: null, belowMinimum: false, ...extra,
});
const WATER = item(7, '矿泉水 550ml', { onHand: 100, usable: 100 });
/** On the shelf, but no batch of it on the books. */
const BIG_WATER = item(8, '矿泉水 5L');
const keeper = { id: 1, displayName: '张库管' };

const line = (l: Partial<StocktakeLineView> & Pick<StocktakeLineView, 'batchId' | 'itemId' | 'itemName'>): StocktakeLineView => ({
  unit: '瓶', lot: '', expiresOn: '2027-01-01', expected: 0, book: null, counted: null, difference: null, reason: null, unitCostFen: 0, countedAt: null, countedBy: null, found: false, ...l,
});

function stocktake(lines: StocktakeLineView[]): StocktakeView {
  return {
    id: 3, category: 'water', status: 'open', note: '', startedAt: Date.UTC(2026, 6, 20, 1), startedBy: keeper, closedAt: null, closedBy: null, approvedBy: null, cancelReason: null,
    lines, uncounted: lines.filter((l) => l.counted === null).length, differenceValueFen: 0,
  };
}

type FoundInput = { stocktakeId: number; counts: unknown[]; found: { itemId: number; quantity: number; lot?: string; producedOn?: string; expiresOn?: string }[] };

describe('stock found at a stocktake on no batch', () => {
  it('opens from a scan of an item the sheet has no batch of, sends the found line, and puts a refusal at its field', async () => {
    let view = stocktake([line({ batchId: 11, itemId: 7, itemName: WATER.name, expected: 100 })]);
    // Like the main process (receipts.ts, batchExpiry): an item that tracks expiry and has no shelf life needs one.
    const count = (input: FoundInput): Result<StocktakeView> => {
      const f = input.found[0]!;
      if (!f.expiresOn) return { ok: false, error: { code: 'VALIDATION', message: 'expiry', fields: { 'found.0.expiresOn': 'v.stock.expiryRequired' } } };
      view = stocktake([line({ batchId: 40, itemId: 8, itemName: BIG_WATER.name, lot: f.lot ?? '', expiresOn: f.expiresOn, book: 0, counted: f.quantity, difference: f.quantity, reason: 'found', found: true }), ...view.lines]);
      return { ok: true, value: view };
    };
    const fake = renderStock('/stock/stocktake/3', {
      'stock.stocktakeGet': () => ({ ok: true, value: view }),
      'stock.scan': (i: { code: string }) => ({ ok: true, value: { code: i.code, perScan: 1, item: BIG_WATER } }),
      'stock.stocktakeCount': count,
    });
    const field = await screen.findByTestId('stock-scan');
    await userEvent.type(field, '6900000000055{Enter}');

    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('登记账外物资');
    const qty = within(dialog).getByTestId('qty-8');
    await waitFor(() => expect(qty).toHaveValue('1'));
    await userEvent.clear(qty);
    await userEvent.type(qty, '6');
    await userEvent.click(within(dialog).getByLabelText('批号'));
    await userEvent.paste('X1');
    const expiry = within(dialog).getByTestId('expiry-8');
    expect(expiry).toHaveAttribute('placeholder', '必填');
    await userEvent.click(within(dialog).getByRole('button', { name: '记入盘点单' }));

    const cell = expiry.closest('.ant-form-item') as HTMLElement;
    expect(await within(cell).findByText('此物资须填写有效期（或在物资中设定保质期）')).toBeInTheDocument();
    expect(fake.of('stock.stocktakeCount')).toEqual([{ stocktakeId: 3, counts: [], found: [{ itemId: 8, quantity: 6, lot: 'X1', producedOn: undefined, expiresOn: undefined }] }]);

    await userEvent.click(expiry);
    await userEvent.paste('2027-06-30');
    await userEvent.keyboard('{Enter}');
    // With the picker's panel still open, testing-library does not find the button by its role; by its text it does.
    await userEvent.click(within(dialog).getByText('记入盘点单').closest('button')!);
    await waitFor(() => expect(fake.of('stock.stocktakeCount')).toHaveLength(2));
    expect(fake.of('stock.stocktakeCount')[1]).toEqual({ stocktakeId: 3, counts: [], found: [{ itemId: 8, quantity: 6, lot: 'X1', producedOn: undefined, expiresOn: '2027-06-30' }] });
    // The sheet, read again, lists the found batch with its difference.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByTestId('found-40')).toHaveTextContent('账外');
    expect(screen.getByTestId('diff-40')).toHaveTextContent('+6');
  });

  it('refuses an item outside the stocktake’s category before asking, from the form’s own button', async () => {
    const clothes = item(9, '短袖T恤', { category: 'clothing' });
    const fake = renderStock('/stock/stocktake/3', {
      'stock.stocktakeGet': stocktake([line({ batchId: 11, itemId: 7, itemName: WATER.name, expected: 100 })]),
      'stock.scan': (i: { code: string }) => ({ ok: true, value: { code: i.code, perScan: 1, item: clothes } }),
    });
    await userEvent.click(await screen.findByTestId('stocktake-found'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByTestId('stock-scan'), '6900000000099{Enter}');
    expect(await screen.findByText('不在本次盘点范围内')).toBeInTheDocument();
    expect(within(dialog).queryByTestId('qty-9')).toBeNull();
    expect(within(dialog).getByRole('button', { name: '记入盘点单' })).toBeDisabled();
    expect(fake.of('stock.stocktakeCount')).toEqual([]);
  });
});

describe('a fund charge reversed (红冲) from the budget page', () => {
  const fundOf = (servicesSpent: number): FundView => ({
    id: 1, name: '夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-09-30', budgetFen: 15_000_000, spentFen: servicesSpent + 200_000,
    categories: [
      { category: 'services', budgetFen: 3_000_000, spentFen: servicesSpent, remainingFen: 3_000_000 - servicesSpent, permille: Math.floor((servicesSpent * 1000) / 3_000_000), state: 'ok' },
      { category: 'medicine', budgetFen: 3_000_000, spentFen: 200_000, remainingFen: 2_800_000, permille: 66, state: 'ok' },
      { category: 'food', budgetFen: 4_000_000, spentFen: 0, remainingFen: 4_000_000, permille: 0, state: 'ok' },
      { category: 'clothing', budgetFen: 3_000_000, spentFen: 0, remainingFen: 3_000_000, permille: 0, state: 'ok' },
      { category: 'other', budgetFen: 2_000_000, spentFen: 0, remainingFen: 2_000_000, permille: 0, state: 'ok' },
    ],
  });
  const charge = (id: number, extra: Partial<FundChargeView> = {}): FundChargeView => ({
    id, category: 'services', amountFen: 120_000, description: '租用巡查车辆', invoiceNo: null, receiptId: null, at: Date.UTC(2026, 6, 20, 1 + id), by: keeper,
    reverses: null, reversedBy: null, reversal: null, ...extra,
  });

  it('asks for a reason first, then reverses, and the list and the amounts are read again', async () => {
    let spent = 240_000;
    let charges = [charge(3, { category: 'medicine', amountFen: 200_000, receiptId: 12, description: null }), charge(2), charge(1)];
    const fake = renderStock('/stock/budget', {
      'stock.budget': () => ({ ok: true, value: [fundOf(spent)] }),
      'stock.fundCharges': () => ({ ok: true, value: { total: charges.length, charges } }),
      'stock.reverse': (i: { id: number; reason: string }) => {
        const reversal = { id: 5, reason: i.reason, at: Date.UTC(2026, 6, 20, 6), by: keeper };
        spent -= 120_000;
        charges = [charge(4, { amountFen: -120_000, reverses: i.id, reversal }), ...charges.map((c) => (c.id === i.id ? { ...c, reversedBy: 4, reversal } : c))];
        return { ok: true, value: { reversalId: 5 } };
      },
    });
    expect(await screen.findByTestId('fund-spent-1')).toHaveTextContent('已支出：4400.00 元');
    expect(screen.getByTestId('fund-remaining-1')).toHaveTextContent('余额：145600.00 元');
    const list = await screen.findByTestId('fund-charges-1');
    // A purchase's charge goes with its receipt: no button of its own.
    const ofReceipt = within(list).getByText('入库单 12').closest('tr') as HTMLElement;
    expect(within(ofReceipt).queryByRole('button', { name: '红冲' })).toBeNull();
    expect(ofReceipt).toHaveTextContent('随入库单红冲');

    await userEvent.click(within(list).getByTestId('reverse-charge-2'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认红冲' }));
    expect(await within(dialog).findByText('此项必填')).toBeInTheDocument();
    expect(fake.of('stock.reverse')).toEqual([]);

    await userEvent.click(within(dialog).getByLabelText('红冲原因'));
    await userEvent.paste('  重复登记 ');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认红冲' }));
    await waitFor(() => expect(fake.of('stock.reverse')).toEqual([{ kind: 'charge', id: 2, reason: '重复登记' }]));
    await waitFor(() => expect(screen.getByTestId('fund-spent-1')).toHaveTextContent('已支出：3200.00 元'));
    expect(screen.getByTestId('fund-remaining-1')).toHaveTextContent('余额：146800.00 元');
    const services = screen.getByRole('row', { name: /^购买服务/ });
    expect(services).toHaveTextContent('1200.00');
    // Both entries stay, each pointing at the other; the reversed one has no button any more.
    await waitFor(() => expect(within(screen.getByTestId('fund-charges-1')).getByText('已红冲，见第 4 笔')).toBeInTheDocument());
    const refreshed = screen.getByTestId('fund-charges-1');
    expect(within(refreshed).getByText('红冲第 2 笔：重复登记')).toBeInTheDocument();
    expect(within(refreshed).getByText('-1200.00')).toBeInTheDocument();
    expect(within(refreshed).queryByTestId('reverse-charge-2')).toBeNull();
    expect(within(refreshed).getByTestId('reverse-charge-1')).toBeInTheDocument();
  });
});
