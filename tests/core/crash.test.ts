import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

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
const root = path.resolve(here, '..', '..');
const distCore = path.join(root, 'dist', 'electron', 'core.js');
const distChain = path.join(root, 'dist', 'electron', 'features', 'audit', 'chain.js');
const writer = path.join(here, 'crash-writer.cjs');

interface BuiltCore {
  db: Database.Database;
  close(): void;
}
interface Built {
  openCore(opts: { dataDir: string; logger: { info(): void; error(): void } }): BuiltCore;
  verifyChain(db: Database.Database, now: number): { ok: boolean; checked: number; firstBadId: number | null; reason: string | null };
}

function loadBuild(): Built {
  if (![distCore, distChain].every((f) => fs.existsSync(f))) {
    throw new Error(`${path.relative(root, distCore)} is missing: the crash test runs the built app. Run \`npm run build\` first (npm test does).`);
  }
  const req = createRequire(import.meta.url);
  const { openCore } = req(distCore) as Pick<Built, 'openCore'>;
  const { verifyChain } = req(distChain) as Pick<Built, 'verifyChain'>;
  return { openCore, verifyChain };
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
function runRound(dataDir: string, first: number, delayMs: number, early: boolean): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
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
});
