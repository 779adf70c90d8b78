import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../renderer/src/app/catalogs';
import { ApiClient, setApiForTests } from '../../renderer/src/api/client';
import { IssuePage } from '../../renderer/src/features/stock/pages/IssuePage';
import { countScan } from '../../renderer/src/features/stock/pages/StocktakeSheet';
import { addScan, baseQuantity, fenOf } from '../../renderer/src/features/stock/scan/lines';
import type { StocktakeLineView } from '../../shared/contract/stock';
import type { StockItemView } from '../../shared/contract/stock';
import type { Result } from '../../shared/domain/result';

const WATER: StockItemView = {
  id: 7, name: '矿泉水', category: 'water', size: null, sex: null, unit: '瓶', packs: [{ name: '箱', quantity: 24 }],
  barcodes: [{ code: '6901234567892', quantity: 1 }, { code: '16901234567899', quantity: 24 }], minLevel: 0, tracksExpiry: true,
  shelfLifeDays: null, storagePlace: '', frontDesk: true, active: true, onHand: 12, usable: 12, expired: 0, expiring: 0, nextExpiry: null, belowMinimum: false,
};

/** A main process that knows two codes of the water and refuses an issue above what it holds. */
function fakeMain(opts: { slowScans?: boolean } = {}) {
  const calls: { procedure: string; input: unknown }[] = [];
  // Slow answers: the main process is still resolving a code when the scanner sends the next.
  let pending: (() => void)[] = [];
  const release = () => (pending.forEach((go) => go()), (pending = []));
  setApiForTests(
    new ApiClient(async (procedure, input): Promise<Result<unknown>> => {
      calls.push({ procedure, input });
      if (opts.slowScans && procedure === 'stock.scan') await new Promise<void>((go) => pending.push(go));
      const code = (input as { code?: string }).code;
      if (procedure === 'stock.scan') {
        const hit = WATER.barcodes.find((b) => b.code === code);
        return hit ? { ok: true, value: { code, perScan: hit.quantity, item: WATER } } : { ok: false, error: { code: 'VALIDATION', message: 'unknown', fields: { code: 'v.stock.unknownBarcode' } } };
      }
      if (procedure === 'stock.items') return { ok: true, value: [] };
      if (procedure === 'stock.issue') {
        const q = (input as { lines: { quantity: number }[] }).lines[0]!.quantity;
        if (q > 12) return { ok: false, error: { code: 'STOCK_INSUFFICIENT', message: 'no', fields: { 'lines.0.quantity': 'v.stock.insufficient' }, detail: { itemId: 7, requested: q, available: 12, expiredOnHand: 0 } } };
        return { ok: true, value: { id: 5, valueFen: 0 } };
      }
      return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: procedure } };
    }),
  );
  return Object.assign(calls, { release });
}

function renderIssue() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AntApp>
        <MemoryRouter>
          <IssuePage />
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
}

/** A scanner: the code's digits, then Enter, into whatever has the focus. */
const scan = async (code: string) => userEvent.keyboard(`${code}{Enter}`);
const scanField = () => screen.getByTestId('stock-scan');

beforeEach(() => sessionStorage.clear());

describe('the scanner lines', () => {
  it('counts a scan of the bottle as one bottle and of the box as one box, and mixes them in bottles', () => {
    let lines = addScan([], WATER, 1);
    expect([lines[0]!.pack, lines[0]!.count]).toEqual([null, 1]);
    lines = addScan(lines, WATER, 1);
    expect(baseQuantity(lines[0]!)).toBe(2);
    let boxes = addScan([], WATER, 24);
    expect([boxes[0]!.pack, boxes[0]!.count, baseQuantity(boxes[0]!)]).toEqual(['箱', 1, 24]);
    boxes = addScan(boxes, WATER, 24);
    expect([boxes[0]!.count, baseQuantity(boxes[0]!)]).toEqual([2, 48]);
    // A bottle scanned onto a line of boxes: the line goes over to bottles, nothing lost.
    const mixed = addScan(boxes, WATER, 1);
    expect([mixed[0]!.pack, mixed[0]!.count]).toEqual([null, 49]);
    expect(mixed).toHaveLength(1);
  });

  it('turns yuan into fen exactly, and keeps a fraction of a fen for the main process to refuse', () => {
    expect(fenOf('1.5')).toBe(150);
    expect(fenOf('0.29')).toBe(29);
    expect(fenOf('1.255')).toBe(125.5);
    expect(fenOf('')).toBeUndefined();
    expect(fenOf('abc')).toBeNaN();
  });
});

describe('a stocktake counted by scanning', () => {
  const line = (batchId: number, book: number, itemId = 7): StocktakeLineView => ({
    batchId, itemId, itemName: '矿泉水', unit: '瓶', lot: '', expiresOn: null, expected: book, book: null, counted: null, difference: null, reason: null,
    unitCostFen: 150, countedAt: null, countedBy: null, found: false,
  });
  it('fills the item’s earliest batch up to its book, then the next, and the last takes any surplus', () => {
    const lines = [line(1, 2), line(2, 1), line(3, 5, 8)];
    let draft = {};
    const batches: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = countScan(lines, draft, 7, 1)!;
      draft = r.draft;
      batches.push(r.batchId);
    }
    expect(batches).toEqual([1, 1, 2, 2]);
    expect(draft).toEqual({ 1: { counted: 2, reason: undefined }, 2: { counted: 2, reason: undefined } });
    expect(countScan(lines, draft, 9, 1)).toBeNull(); // not in this stocktake
  });
});

describe('the issue screen with a scanner', () => {
  it('adds a line on the first scan, counts one more on the next, and keeps the focus in the code field', async () => {
    const calls = fakeMain();
    renderIssue();
    await waitFor(() => expect(scanField()).toHaveFocus());
    await scan('6901234567892');
    const qty = await screen.findByTestId('qty-7');
    await waitFor(() => expect(qty).toHaveValue('1'));
    expect(scanField()).toHaveFocus();
    expect(scanField()).toHaveValue('');
    await scan('6901234567892');
    await waitFor(() => expect(qty).toHaveValue('2'));
    expect(scanField()).toHaveFocus();
    expect(screen.getAllByTestId(/^qty-/)).toHaveLength(1);
    expect(calls.filter((c) => c.procedure === 'stock.scan')).toHaveLength(2);
    // A count typed by hand: Enter in the quantity goes back to the code field for the next scan.
    await userEvent.clear(qty);
    await userEvent.type(qty, '5{Enter}');
    expect(scanField()).toHaveFocus();
    await scan('6901234567892');
    await waitFor(() => expect(qty).toHaveValue('6'));
  });

  it('keeps every scan of a scanner that does not wait for the answers, in order', async () => {
    const calls = fakeMain({ slowScans: true });
    renderIssue();
    await waitFor(() => expect(scanField()).toHaveFocus());
    await scan('6901234567892');
    await scan('6901234567892');
    await scan('16901234567899');
    expect(scanField()).toHaveValue('');
    await waitFor(() => expect(calls.filter((c) => c.procedure === 'stock.scan').length).toBeGreaterThan(0));
    for (let i = 0; i < 3; i++) {
      await waitFor(() => expect(calls.filter((c) => c.procedure === 'stock.scan')).toHaveLength(i + 1));
      calls.release();
    }
    // Two bottles, then a box: the line goes over to bottles, 26 in all.
    await waitFor(() => expect(screen.getByTestId('qty-7')).toHaveValue('26'));
  });

  it('says at the code field that a code is unknown, and adds nothing', async () => {
    fakeMain();
    renderIssue();
    await waitFor(() => expect(scanField()).toHaveFocus());
    await scan('99999999');
    expect(await screen.findByText('99999999：没有物资使用此条码')).toBeInTheDocument();
    expect(screen.queryByTestId('qty-7')).toBeNull();
    expect(scanField()).toHaveFocus();
  });

  it('shows STOCK_INSUFFICIENT at the quantity with how much can be issued, and sends the quantity in bottles', async () => {
    const calls = fakeMain();
    renderIssue();
    await userEvent.type(screen.getByLabelText('使用部门'), '厨房');
    await userEvent.click(scanField());
    await scan('16901234567899'); // one box: 24 bottles, more than the 12 on hand
    await screen.findByText('= 24 瓶');
    await userEvent.click(screen.getByTestId('issue-submit'));
    const row = screen.getByTestId('qty-7').closest('.ant-form-item')!;
    expect(await within(row as HTMLElement).findByText('库存不足：可出库 12 瓶')).toBeInTheDocument();
    expect(calls.find((c) => c.procedure === 'stock.issue')?.input).toMatchObject({ destination: 'station_use', department: '厨房', lines: [{ itemId: 7, quantity: 24 }] });
    expect(scanField()).toHaveFocus();
  });
});
