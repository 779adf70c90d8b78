import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

/**
 * Crash safety of the built app: a child process (crash-writer.cjs, on dist/) registers intakes in a
 * loop and prints each sequence number after its commit; the parent kills it with SIGKILL at a random moment,
 * then opens the same data folder and checks that the file is sound, the audit chain verifies, and every
 * commit the child reported is there. Rounds continue on the same folder. Seeded: CRASH_SEED, CRASH_ROUNDS.
 *
 * Parent and child use the same build (dist/), so a data folder is never opened by two versions of the schema.
 */
const SEED = Number(process.env.CRASH_SEED ?? 7_2026);
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 16);
/** Every EARLY_EVERY-th round kills the child 0–150 ms after it starts: during start-up, migration or login. */
const EARLY_EVERY = 5;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const distCore = path.join(root, 'dist', 'electron', 'core.js');
const distChain = path.join(root, 'dist', 'electron', 'features', 'audit', 'chain.js');
const distVerify = path.join(root, 'dist', 'electron', 'features', 'signatures', 'verify.js');
const distHandover = path.join(root, 'dist', 'electron', 'features', 'handover', 'service.js');
const distBalances = path.join(root, 'dist', 'electron', 'features', 'stock', 'balances.js');
const writer = path.join(here, 'crash-writer.cjs');

interface BuiltCore {
  db: Database.Database;
  close(): void;
}
interface Built {
  openCore(opts: { dataDir: string; logger: { info(): void; error(): void } }): BuiltCore;
  verifyChain(db: Database.Database, now: number): { ok: boolean; checked: number; firstBadId: number | null; reason: string | null };
  verifyRecord(db: Database.Database, entity: string, id: number, record: unknown): { ok: boolean; sealed: boolean; signatures: unknown[] };
  sealedForm(db: Database.Database, id: number): unknown;
  checkBalances(db: Database.Database, now: number): { ok: boolean; mismatches: unknown[] };
}

function loadBuild(): Built {
  if (![distCore, distChain, distVerify, distHandover, distBalances].every((f) => fs.existsSync(f))) {
    throw new Error(`${path.relative(root, distCore)} is missing: the crash test runs the built app. Run \`npm run build\` first (npm test does).`);
  }
  const req = createRequire(import.meta.url);
  const { openCore } = req(distCore) as Pick<Built, 'openCore'>;
  const { verifyChain } = req(distChain) as Pick<Built, 'verifyChain'>;
  const { verifyRecord } = req(distVerify) as Pick<Built, 'verifyRecord'>;
  const { sealedForm } = req(distHandover) as Pick<Built, 'sealedForm'>;
  const { checkBalances } = req(distBalances) as Pick<Built, 'checkBalances'>;
  return { openCore, verifyChain, verifyRecord, sealedForm, checkBalances };
}

/** mulberry32: a small seeded generator, so a failing round's timings can be replayed with CRASH_SEED. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RoundResult {
  printed: number[];
  ready: boolean;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/**
 * Runs the writer from sequence number `first`; kills it `delayMs` after its first committed number
 * (or, with `early`, `delayMs` after the spawn). Resolves once the process is gone and its stdout drained.
 */
function runRound(dataDir: string, first: number, delayMs: number, early: boolean, mode: 'intake' | 'handover' | 'stock' = 'intake'): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, String(first), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    // A guard, not an assertion: a child that never prints must not hang the suite.
    const guard = setTimeout(() => {
      kill();
      reject(new Error(`the writer printed no commit within 20 s; stderr: ${err}`));
    }, 20_000);
    if (early) timer = setTimeout(kill, delayMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!early && timer === undefined && /^\d+$/m.test(out)) timer = setTimeout(kill, delayMs);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => void (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(timer);
      // Only whole lines count: a number cut by the kill was not reported.
      const lines = out.split('\n').slice(0, -1);
      resolve({
        printed: lines.filter((l) => /^\d+$/.test(l)).map(Number),
        ready: lines.includes('ready'),
        signal,
        code,
        stderr: err,
      });
    });
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('crash safety (SIGKILL while committing)', () => {
  it(`keeps every reported commit and a sound, verifiable file over ${ROUNDS} kills (seed ${SEED})`, async () => {
    const built = loadBuild();
    const random = rng(SEED);
    const dataDir = tempDir('stationdesk-crash-');
    dirs.push(dataDir);
    const silent = { info() {}, error() {} };
    let next = 1;
    let totalPrinted = 0;
    const allPrinted = new Set<number>();
    let killedWhileWriting = 0;

    for (let round = 1; round <= ROUNDS; round += 1) {
      const early = round % EARLY_EVERY === 0;
      const delay = early ? Math.floor(random() * 150) : 50 + Math.floor(random() * 350);
      const r = await runRound(dataDir, next, delay, early);
      const label = `round ${round} (${early ? 'early ' : ''}kill after ${delay} ms, from ${next})`;
      // Killed by us, not dead of its own accord (a refusal exits with code 3 and says why on stderr).
      expect({ signal: r.signal, code: r.code, stderr: r.stderr }, label).toEqual({ signal: 'SIGKILL', code: null, stderr: '' });
      if (!early) {
        expect(r.ready, label).toBe(true);
        expect(r.printed.length, `${label}: the writer reported no commit`).toBeGreaterThan(0);
      }
      // Sequence numbers come out consecutively from `next`.
      expect(r.printed, label).toEqual(r.printed.map((_, i) => next + i));
      if (r.printed.length > 0) killedWhileWriting += 1;
      for (const n of r.printed) allPrinted.add(n);
      totalPrinted += r.printed.length;

      // The file after the crash: opens (and migrates) with the app's own code, and is whole.
      const core = built.openCore({ dataDir, logger: silent });
      try {
        const { db } = core;
        expect(db.pragma('integrity_check', { simple: true }), label).toBe('ok');
        expect(db.pragma('foreign_key_check'), label).toEqual([]);
        const chain = built.verifyChain(db, Date.now());
        expect(chain, `${label}: audit chain`).toMatchObject({ ok: true, firstBadId: null, reason: null });

        const names = db
          .prepare("SELECT json_extract(after, '$.person.name') FROM audit_log WHERE procedure = 'intake.register' ORDER BY id")
          .pluck()
          .all() as string[];
        const logged = new Set(names);
        // Every reported intake, in this round and all before it, has its audit row…
        const missing = [...allPrinted].filter((n) => !logged.has(`断电-${n}`));
        expect(missing, `${label}: reported intakes missing from the audit log`).toEqual([]);
        expect(names.length, label).toBeGreaterThanOrEqual(totalPrinted);

        // …and its stay and person: the change and its record commit together, never one without the other.
        const stays = db.prepare("SELECT p.name FROM stays s JOIN persons p ON p.id = s.person_id ORDER BY s.id").pluck().all() as string[];
        expect(stays, label).toEqual(names);
        const seq = names.length ? /^断电-(\d+)$/.exec(names[names.length - 1]!) : null;
        const last = r.printed[r.printed.length - 1];
        if (last !== undefined) {
          // The newest intake is the last reported one, or one past it (committed, killed before printing).
          expect(seq, `${label}: newest intake ${names[names.length - 1]}`).not.toBeNull();
          expect([last, last + 1], label).toContain(Number(seq![1]));
        }
        next = Math.max(next + r.printed.length, seq ? Number(seq[1]) + 1 : next);
      } finally {
        core.close();
      }
    }
    console.log(`crash: ${ROUNDS} kills (${killedWhileWriting} mid-loop), ${totalPrinted} reported commits, all present (seed ${SEED})`);
  }, 120_000);

  it(`leaves no signature or a whole one when killed while signing handovers (seed ${SEED})`, async () => {
    const built = loadBuild();
    const random = rng(SEED + 1);
    const dataDir = tempDir('stationdesk-crash-sign-');
    dirs.push(dataDir);
    const silent = { info() {}, error() {} };
    const rounds = Math.max(4, Math.ceil(ROUNDS / 2));
    let next = 1;
    let signedTotal = 0;
    let leftHalfWay = 0;
    const reported = new Set<number>();
    for (let round = 1; round <= rounds; round += 1) {
      // Signing is a few password hashes long: the kill lands inside one often enough at 0–600 ms.
      const delay = Math.floor(random() * 600);
      const r = await runRound(dataDir, next, delay, false, 'handover');
      const label = `signing round ${round} (kill after ${delay} ms, from ${next})`;
      expect({ signal: r.signal, code: r.code, stderr: r.stderr }, label).toEqual({ signal: 'SIGKILL', code: null, stderr: '' });
      for (const n of r.printed) reported.add(n);
      const core = built.openCore({ dataDir, logger: silent });
      try {
        const { db } = core;
        expect(db.pragma('integrity_check', { simple: true }), label).toBe('ok');
        expect(built.verifyChain(db, Date.now()), `${label}: audit chain`).toMatchObject({ ok: true, firstBadId: null });
        const handovers = db.prepare('SELECT id FROM handovers ORDER BY id').pluck().all() as number[];
        const signedBy = new Map<number, number>();
        for (const id of handovers) {
          const signatures = db.prepare("SELECT count(*) FROM signatures WHERE entity = 'handover' AND entity_id = ?").pluck().get(String(id)) as number;
          const audited = db.prepare("SELECT count(*) FROM audit_log WHERE procedure = 'handover.sign' AND entity_id = ?").pluck().get(String(id)) as number;
          // No signature, or a whole one: its row, its audit row naming it, and a record that verifies.
          expect([signatures, audited], `${label}: handover ${id}`).toEqual(signatures ? [1, 1] : [0, 0]);
          if (signatures) {
            expect(built.verifyRecord(db, 'handover', id, built.sealedForm(db, id)), `${label}: handover ${id} verifies`).toMatchObject({ ok: true, sealed: true });
            const reason = db.prepare("SELECT reason FROM signatures WHERE entity = 'handover' AND entity_id = ?").pluck().get(String(id)) as string;
            signedBy.set(Number(/^断电测试-(\d+)$/.exec(reason)![1]), id);
          }
        }
        // Every reported handover is signed; nothing was signed twice; at most one handover is left half-way.
        expect([...reported].filter((n) => !signedBy.has(n)), `${label}: reported but not signed`).toEqual([]);
        expect(handovers.length - signedBy.size, label).toBeLessThanOrEqual(1);
        if (handovers.length > signedBy.size) leftHalfWay += 1;
        signedTotal = signedBy.size;
        next = Math.max(next + r.printed.length, ...[...signedBy.keys()].map((n) => n + 1));
      } finally {
        core.close();
      }
    }
    expect(signedTotal, 'no handover was signed in any round').toBeGreaterThan(0);
    console.log(`crash: ${rounds} kills while signing handovers (${leftHalfWay} left one unsigned), ${signedTotal} signed whole, none half (seed ${SEED})`);
  }, 180_000);

  it(`keeps the stock balances equal to the movements over ${ROUNDS} kills in the middle of receipts and issues (seed ${SEED})`, async () => {
    const built = loadBuild();
    const random = rng(SEED + 1);
    const dataDir = tempDir('stationdesk-crash-stock-');
    dirs.push(dataDir);
    const silent = { info() {}, error() {} };
    let next = 1;
    const allPrinted = new Set<number>();

    for (let round = 1; round <= ROUNDS; round += 1) {
      const early = round % EARLY_EVERY === 0;
      const delay = early ? Math.floor(random() * 150) : 50 + Math.floor(random() * 350);
      const r = await runRound(dataDir, next, delay, early, 'stock');
      const label = `stock round ${round} (${early ? 'early ' : ''}kill after ${delay} ms, from ${next})`;
      expect({ signal: r.signal, code: r.code, stderr: r.stderr }, label).toEqual({ signal: 'SIGKILL', code: null, stderr: '' });
      expect(r.printed, label).toEqual(r.printed.map((_, i) => next + i));
      for (const n of r.printed) allPrinted.add(n);

      const core = built.openCore({ dataDir, logger: silent });
      try {
        const { db } = core;
        expect(db.pragma('integrity_check', { simple: true }), label).toBe('ok');
        expect(db.pragma('foreign_key_check'), label).toEqual([]);
        expect(built.verifyChain(db, Date.now()), `${label}: audit chain`).toMatchObject({ ok: true, firstBadId: null });
        // The balances are what the movements say, whatever the kill cut short.
        expect(built.checkBalances(db, 0).mismatches, `${label}: balances`).toEqual([]);
        const receipts = new Set(db.prepare("SELECT reference FROM stock_receipts").pluck().all() as string[]);
        const issues = new Set(db.prepare("SELECT department FROM stock_issues").pluck().all() as string[]);
        const missing = [...allPrinted].filter((n) => !receipts.has(`断电-${n}`) || !issues.has(`断电-${n}`));
        expect(missing, `${label}: reported receipts and issues missing`).toEqual([]);
        // Each receipt and each issue is whole: two batches in, four bottles out, never part of one.
        expect(db.prepare('SELECT count(*) FROM stock_receipts r WHERE (SELECT count(*) FROM stock_movements m WHERE m.receipt_id = r.id) <> 2').pluck().get(), label).toBe(0);
        expect(db.prepare('SELECT count(*) FROM stock_issues i WHERE (SELECT -sum(quantity) FROM stock_movements m WHERE m.issue_id = i.id) <> 4').pluck().get(), label).toBe(0);
        const newest = db.prepare('SELECT max(CAST(substr(reference, 4) AS INTEGER)) FROM stock_receipts').pluck().get() as number | null;
        next = Math.max(next + r.printed.length, (newest ?? 0) + 1);
      } finally {
        core.close();
      }
    }
    console.log(`crash (stock): ${ROUNDS} kills, ${allPrinted.size} reported receipt-and-issue pairs, balances equal to movements after each (seed ${SEED + 1})`);
  }, 120_000);
});
