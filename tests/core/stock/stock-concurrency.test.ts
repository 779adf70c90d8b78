import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

/**
 * Concurrent issues never oversell (issue 11): several processes, each with its own connection to one database file
 * (as two desks' windows would be), issue the same item at once until it runs out. Every call answers ok or
 * STOCK_INSUFFICIENT, never an internal error, and what they issued together is exactly what there was. The
 * dispatcher's BEGIN IMMEDIATE is what makes this so: an issue reads the balances and writes its movements holding
 * the write lock, so no two issues decide on the same stock. Runs the built app (dist/), like the crash test.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const distCore = path.join(root, 'dist', 'electron', 'core.js');
const distBalances = path.join(root, 'dist', 'electron', 'features', 'stock', 'balances.js');
const issuer = path.join(here, 'stock-issuer.cjs');

const PROCESSES = 4;
const PER_ISSUE = 3;
const BATCHES = [200, 150, 250, 2]; // 602 bottles: 200 issues of 3, and 2 left that no issue can take

interface Built {
  openCore(opts: { dataDir: string; logger: { info(): void; error(): void } }): {
    db: Database.Database;
    dispatch(name: string, input: unknown, caller: { sessionId?: string }): { ok: boolean; value?: any; error?: unknown };
    close(): void;
  };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function child(dataDir: string, itemId: number): { ready: Promise<void>; go(): void; done: Promise<{ issues: number; code: number | null; stderr: string }> } {
  const p = spawn(process.execPath, [issuer, dataDir, 'store', 'Store-pass-1', String(itemId), String(PER_ISSUE)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  p.stdout.setEncoding('utf8');
  p.stdout.on('data', (chunk: string) => {
    out += chunk;
    if (out.includes('ready\n')) onReady();
  });
  p.stderr.setEncoding('utf8');
  p.stderr.on('data', (chunk: string) => void (err += chunk));
  const done = new Promise<{ issues: number; code: number | null; stderr: string }>((resolve) => {
    p.on('close', (code) => {
      onReady(); // a child that died before `ready` must not hang the test; its exit code says why
      resolve({ issues: Number(/done (\d+)/.exec(out)?.[1] ?? -1), code, stderr: err });
    });
  });
  return { ready, go: () => p.stdin.end('go\n'), done };
}

describe('concurrent issues', () => {
  it(`from ${PROCESSES} processes on one database never oversell`, async () => {
    if (!fs.existsSync(distCore)) throw new Error('dist/ is missing: the concurrency test runs the built app. Run `npm run build` first (npm test does).');
    const req = createRequire(import.meta.url);
    const { openCore } = req(distCore) as Built;
    const { checkBalances } = req(distBalances) as { checkBalances(db: Database.Database, now: number): { mismatches: unknown[] } };
    const dataDir = tempDir('stationdesk-stock-race-');
    dirs.push(dataDir);
    const silent = { info() {}, error() {} };

    const setup = openCore({ dataDir, logger: silent });
    const must = (name: string, input: unknown, sessionId?: string) => {
      const r = setup.dispatch(name, input, { sessionId });
      if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
      return r.value;
    };
    must('setup.initialize', { stationName: '并发测试站', timeZone: 'Asia/Shanghai', admin: { username: 'admin', displayName: '管理员', password: 'Admin-pass-1', passwordConfirm: 'Admin-pass-1' } });
    const admin = must('auth.login', { username: 'admin', password: 'Admin-pass-1' }).sessionId;
    must('accounts.create', { username: 'store', displayName: '库管', roles: ['storekeeper'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' }, admin);
    const temp = must('auth.login', { username: 'store', password: 'Temp-pass-1' }).sessionId;
    must('auth.changePassword', { currentPassword: 'Temp-pass-1', newPassword: 'Store-pass-1', newPasswordConfirm: 'Store-pass-1' }, temp);
    const itemId = must('stock.itemSave', { name: '矿泉水', category: 'water', unit: '瓶', tracksExpiry: true }, temp).id;
    BATCHES.forEach((quantity, i) => must('stock.receive', { source: 'allocation', lines: [{ itemId, quantity, expiresOn: `2030-0${i + 1}-01` }] }, temp));
    setup.close();

    const children = Array.from({ length: PROCESSES }, () => child(dataDir, itemId));
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.go();
    const results = await Promise.all(children.map((c) => c.done));
    for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });

    const issued = results.reduce((n, r) => n + r.issues * PER_ISSUE, 0);
    const there = BATCHES.reduce((n, q) => n + q, 0);
    console.log(`stock race: ${PROCESSES} processes issued ${results.map((r) => r.issues).join(' + ')} times ${PER_ISSUE} of ${there}`);
    // More than one process took part (the stock outlasts a start-up), and together they took all that could be taken.
    expect(results.filter((r) => r.issues > 0).length).toBeGreaterThan(1);
    expect(issued).toBe(there - (there % PER_ISSUE));

    const after = openCore({ dataDir, logger: silent });
    try {
      const { db } = after;
      expect(checkBalances(db, 0).mismatches).toEqual([]);
      expect(db.prepare("SELECT -sum(quantity) FROM stock_movements WHERE kind = 'station_use'").pluck().get()).toBe(issued);
      expect(db.prepare('SELECT quantity FROM stock_item_balances WHERE item_id = ?').pluck().get(itemId)).toBe(there % PER_ISSUE);
      expect(db.prepare('SELECT count(*) FROM stock_balances WHERE quantity < 0').pluck().get()).toBe(0);
      // Earliest expiry first, whichever process issued: only the latest-expiring batch is left.
      expect(db.prepare('SELECT expires_on, quantity FROM stock_balances WHERE quantity > 0').all()).toEqual([{ expires_on: '2030-04-01', quantity: 2 }]);
      expect(db.prepare('SELECT count(*) FROM stock_issues').pluck().get()).toBe(issued / PER_ISSUE);
    } finally {
      after.close();
    }
  }, 120_000);
});
