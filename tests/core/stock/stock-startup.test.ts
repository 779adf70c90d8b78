import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../electron/db/open';
import { lastCheck } from '../../../electron/features/stock/balances';
import { checkStockAtStartup } from '../../../electron/features/stock/startup';
import { code, NOW, stockStation, type StockStation } from './stock-helpers';

/**
 * The start-up check of the stock balances (issue 11): on a worker thread's snapshot, or on the main thread where no
 * worker can run; loud when the balances differ (an error in the log, stock held), quiet when they match.
 */
let workerFails = false;
vi.mock('../../../electron/db/worker', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/db/worker')>();
  return {
    ...real,
    onWorker: (task: string, ...args: unknown[]) =>
      workerFails ? Promise.reject(new real.NoWorkerError('no worker threads here')) : (real.onWorker as (...a: unknown[]) => unknown)(task, ...args),
  };
});

let s: StockStation;
afterEach(() => {
  workerFails = false;
  s?.st.close();
});

const logged = () => {
  const lines: [string, string, Record<string, unknown> | undefined][] = [];
  return { lines, logger: { info: (m: string, meta?: Record<string, unknown>) => lines.push(['info', m, meta]), error: (m: string, meta?: Record<string, unknown>) => lines.push(['error', m, meta]) } };
};
const file = () => path.join(s.st.dir, DATABASE_FILE);
/** Every item's balance and every batch's one more than its movements say: two mismatches an item. */
function tamper() {
  s.st.core.db.prepare('UPDATE stock_balances SET quantity = quantity + 1').run();
  s.st.core.db.prepare('UPDATE stock_item_balances SET quantity = quantity + 1').run();
}
const issueOne = (itemId: number) => s.st.call('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId, quantity: 1 }] }, s.store);

describe('the stock balances checked at start-up', () => {
  it('when they match, say so in the log with how long the check took, and leave stock free to move', async () => {
    s = stockStation();
    const water = s.item();
    s.receive(water, 20);
    const log = logged();
    const check = await checkStockAtStartup(s.st.core.db, file(), () => NOW, log.logger);
    expect(check).toEqual({ ok: true, checkedAt: NOW, mismatches: [] });
    expect(lastCheck(s.st.core.db)).toEqual(check);
    expect(log.lines).toEqual([['info', 'stock balances match the movements', { ms: 0 }]]);
    expect(code(issueOne(water))).toBe('ok');
  });

  it('when they differ, log an error naming the first twenty and how many differ in all, and hold stock until rebuilt', async () => {
    s = stockStation();
    const items = Array.from({ length: 11 }, () => s.item());
    for (const id of items) s.receive(id, 5);
    tamper(); // 11 batches and 11 items: 22 mismatches
    const log = logged();
    const check = await checkStockAtStartup(s.st.core.db, file(), () => NOW, log.logger);
    expect(check).toMatchObject({ ok: false, checkedAt: NOW });
    expect(check.mismatches).toHaveLength(22);
    expect(check.mismatches[0]).toEqual({ itemId: items[0], batchId: null, month: null, kind: null, recorded: 6, fromMovements: 5 });
    expect(lastCheck(s.st.core.db)).toEqual(check);
    expect(log.lines).toEqual([
      ['error', 'stock balances do not match the movements; stock is held until they are rebuilt', { mismatches: check.mismatches.slice(0, 20), count: 22 }],
    ]);
    const held = issueOne(items[0]!);
    expect(code(held)).toBe('CONFLICT {}');
    expect(!held.ok && held.error.detail).toEqual({ mismatches: 22 });
  });

  it('run on the main thread where no worker can, saying why in the log, with the same answer', async () => {
    s = stockStation();
    const water = s.item();
    s.receive(water, 20);
    tamper();
    workerFails = true;
    const log = logged();
    const check = await checkStockAtStartup(s.st.core.db, file(), () => NOW, log.logger);
    expect(check).toEqual({
      ok: false,
      checkedAt: NOW,
      mismatches: [
        { itemId: water, batchId: null, month: null, kind: null, recorded: 21, fromMovements: 20 },
        { itemId: water, batchId: expect.any(Number), month: null, kind: null, recorded: 21, fromMovements: 20 },
      ],
    });
    expect(lastCheck(s.st.core.db)).toEqual(check);
    expect(log.lines.map(([level, , meta]) => [level, meta])).toEqual([
      ['error', { error: 'no worker threads here' }],
      ['error', { mismatches: check.mismatches, count: 2 }],
    ]);
    expect(code(issueOne(water))).toBe('CONFLICT {}');
  });
});
