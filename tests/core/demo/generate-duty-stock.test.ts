import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core';
import { FEATURE_REGISTRY } from '../../../electron/features';
import { openDatabase } from '../../../electron/db/open';
import { DEMO_PASSWORD, generateStation, generateWith } from '../../../electron/features/demo/generate';
import { OFF_DUTY_REASON } from '../../../electron/features/roster/demo/writers';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import type { Result } from '../../../shared/domain/result';
import { isExpired } from '../../../shared/domain/stock';
import { stationDay } from '../../../shared/domain/time';
import { openStation, tempDirs } from '../helpers';

/** Duty and stock in the demo station (issues 10 and 11): the rules hold in what the generator wrote. */
const NOW = Date.UTC(2026, 6, 20, 7, 0);
const TZ = 'Asia/Shanghai';
const silent = { info() {}, error() {} };
const dirs = tempDirs();
afterAll(dirs.cleanUp);
const fresh = dirs.fresh;

describe('the demo station’s duty and stock', () => {
  let core: Core;
  let leader: string;
  let keeper: string;
  const must = <K extends ProcedureName>(name: K, input: Input<K>, sessionId = leader): Output<K> => {
    const r = core.dispatch(name, input, { sessionId }) as Result<Output<K>>;
    if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const all = <T>(sql: string, ...params: unknown[]) => core.db.prepare(sql).all(...params) as T[];

  beforeAll(() => {
    let t = NOW;
    core = openCore({ dataDir: fresh(), clock: () => t, logger: silent });
    generateStation(core.db, { size: 'demo', now: NOW, seed: 7, features: FEATURE_REGISTRY });
    t = NOW + 60_000;
    leader = must('auth.login', { username: 'chenzhiqiang', password: DEMO_PASSWORD }, undefined).sessionId;
    keeper = must('auth.login', { username: 'hexiaomei', password: DEMO_PASSWORD }, undefined).sessionId;
  });
  afterAll(() => core?.close());

  it('publishes two weeks of rosters that the coverage check passes', () => {
    const days = all<{ day: string }>('SELECT day FROM roster_published_days ORDER BY day').map((r) => r.day);
    expect(days[0]! <= '2026-07-06').toBe(true);
    expect(days.at(-1)! >= '2026-07-20').toBe(true);
    const check = must('roster.check', { from: '2026-07-07', to: '2026-07-20' });
    expect(check.gaps).toEqual([]);
    expect(check.conflicts).toEqual([]);
    expect(must('roster.onDuty', {}).shift).not.toBeNull();
  });

  it('walks the checkpoints in almost every slot, with a few rounds missed and a few findings', () => {
    const log = must('patrol.log', { from: '2026-07-08', to: '2026-07-19' });
    expect(log.rounds.length).toBeGreaterThan(1000);
    expect(log.missed.length).toBeGreaterThan(0);
    expect(log.missed.length).toBeLessThan(log.due * 0.1);
    expect(log.rounds.some((r) => r.finding === 'issue')).toBe(true);
    expect(all('SELECT id FROM incidents').length).toBeGreaterThan(5);
  });

  it('hands every past shift over, acknowledged and signed, and every signature verifies', () => {
    const handovers = all<{ id: number; shift_to: number }>('SELECT id, shift_to FROM handovers ORDER BY shift_from');
    expect(handovers.length).toBeGreaterThanOrEqual(26);
    let signed = 0;
    for (const h of handovers) {
      const v = must('handover.verify', { id: h.id });
      if (h.shift_to + 40 * 60_000 < NOW) {
        expect(v.state, `handover ${h.id}`).toBe('signed');
        expect(v.ok, `handover ${h.id}`).toBe(true);
        signed++;
      }
    }
    expect(signed).toBeGreaterThanOrEqual(26);
    // The leader of the day leads its night too: nobody signs "off duty".
    expect(all('SELECT id FROM signatures WHERE reason IS NOT NULL')).toEqual([]);
    const detail = must('handover.get', { id: handovers[0]!.id });
    expect(detail.acknowledgements).toHaveLength(1);
    expect(detail.sections.length).toBeGreaterThan(0);
  });

  it('keeps the books: balances equal the movements, none below zero, one batch expired on the shelf', () => {
    const check = must('stock.balancesCheck', {}, keeper);
    expect(check === null || check.ok).toBe(true);
    const balances = all<{ batch_id: number; quantity: number; moved: number }>(
      'SELECT b.batch_id, b.quantity, (SELECT coalesce(sum(quantity), 0) FROM stock_movements m WHERE m.batch_id = b.batch_id) AS moved FROM stock_balances b',
    );
    for (const b of balances) expect(b.quantity, `batch ${b.batch_id}`).toBe(b.moved);
    // In time order, no batch ever went below zero.
    const running = new Map<number, number>();
    for (const m of all<{ batch_id: number; quantity: number }>('SELECT batch_id, quantity FROM stock_movements ORDER BY at, id')) {
      const q = (running.get(m.batch_id) ?? 0) + m.quantity;
      expect(q).toBeGreaterThanOrEqual(0);
      running.set(m.batch_id, q);
    }
    const expired = all<{ expires_on: string }>('SELECT expires_on FROM stock_balances WHERE quantity > 0 AND expires_on < ?', '2026-07-20');
    expect(expired.length).toBeGreaterThanOrEqual(1);
  });

  it('issues earliest expiry first, never expired stock', () => {
    const moves = all<{ id: number; issue_id: number | null; batch_id: number; item_id: number; quantity: number; at: number; kind: string; expires_on: string | null }>(
      'SELECT m.id, m.issue_id, m.batch_id, m.item_id, m.quantity, m.at, m.kind, b.expires_on FROM stock_movements m JOIN stock_batches b ON b.id = m.batch_id ORDER BY m.id',
    );
    const held = new Map<number, { item: number; expires: string | null; q: number }>();
    const order = (a: { expires: string | null }, id: number) => `${a.expires ?? '9999-99-99'}|${String(id).padStart(9, '0')}`;
    let issues = 0;
    for (let i = 0; i < moves.length; ) {
      const m = moves[i]!;
      if (m.issue_id === null) {
        const b = held.get(m.batch_id) ?? { item: m.item_id, expires: m.expires_on, q: 0 };
        held.set(m.batch_id, { ...b, q: b.q + m.quantity });
        i++;
        continue;
      }
      const doc = moves.filter((x, j) => j >= i && x.issue_id === m.issue_id);
      const today = stationDay(m.at, TZ);
      for (const x of doc) {
        if (x.kind === 'write_off') continue;
        issues++;
        expect(isExpired(x.expires_on, today), `movement ${x.id}`).toBe(false);
        // Every usable batch of the item that expires earlier was emptied by this issue.
        for (const [id, b] of held) {
          if (b.item !== x.item_id || b.q <= 0 || isExpired(b.expires, today)) continue;
          if (order(b, id) < order({ expires: x.expires_on }, x.batch_id)) {
            const took = doc.filter((d) => d.batch_id === id).reduce((n, d) => n - d.quantity, 0);
            expect(took, `movement ${x.id} passed over batch ${id}`).toBe(b.q);
          }
        }
      }
      for (const x of doc) held.get(x.batch_id)!.q += x.quantity;
      i += doc.length;
    }
    expect(issues).toBeGreaterThan(20);
  });

  it('gives the stays water and medicine, and charges the 150,000-yuan summer fund within its budget', () => {
    const lines = all<{ name: string }>(
      `SELECT DISTINCT i.name FROM stock_issues s JOIN stock_movements m ON m.issue_id = s.id JOIN stock_items i ON i.id = m.item_id WHERE s.destination = 'stay'`,
    ).map((r) => r.name);
    expect(lines).toContain('矿泉水 550ml');
    expect(lines).toContain('藿香正气水');
    const [fund] = must('stock.budget', {}, keeper);
    expect(fund!.name).toBe('夏季送清凉');
    const totals = all<{ budget: number; spent: number }>(
      `SELECT (SELECT sum(budget_fen) FROM stock_fund_budgets) AS budget, (SELECT sum(amount_fen) FROM stock_fund_charges) AS spent`,
    )[0]!;
    expect(totals.budget).toBe(15_000_000);
    expect(totals.spent).toBeGreaterThan(0);
    expect(all(`SELECT c.category FROM stock_fund_charges c JOIN stock_fund_budgets b ON b.fund_id = c.fund_id AND b.category = c.category
                GROUP BY c.category HAVING sum(c.amount_fen) > max(b.budget_fen)`)).toEqual([]);
    expect(all("SELECT id FROM stock_fund_charges WHERE receipt_id IS NULL").length).toBeGreaterThan(0);
  });
});

describe('generated duty and stock rows', () => {
  const TABLES = ['roster_assignments', 'roster_publications', 'patrol_rounds', 'incidents', 'incident_stays', 'handovers', 'handover_acks', 'stock_receipts', 'stock_batches', 'stock_movements', 'stock_issues', 'stock_fund_charges'];
  const rows = (db: Database.Database) => Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT * FROM ${t}`).all() as object[]).map((r) => JSON.stringify(r)).sort()]));

  it('are the same for the same seed, and differ for another', () => {
    const gen = (seed: number) => {
      const { db } = openDatabase(fresh());
      generateWith(db, { size: 'demo', now: NOW, seed, features: FEATURE_REGISTRY }, 'bulk');
      const out = rows(db);
      db.close();
      return out;
    };
    const a = gen(3);
    for (const t of TABLES) expect(a[t]!.length, t).toBeGreaterThan(0);
    expect(gen(3)).toEqual(a);
    expect(gen(4).patrol_rounds).not.toEqual(a.patrol_rounds);
  });

  it('acknowledge and sign as the real procedures do', () => {
    const st = openStation();
    try {
      const lead = st.userWith(['duty_leader'], 'lead');
      const desk = st.userWith(['front_desk'], 'desk');
      const users = st.must('accounts.list', {}, st.adminSession);
      const deskId = users.find((u) => u.username === 'desk')!.id;
      const leadId = users.find((u) => u.username === 'lead')!.id;
      const day = stationDay(st.clock.t, TZ);
      st.must('roster.assign', { day, shift: 'day', post: 'leader', staffId: st.core.db.prepare('SELECT id FROM staff WHERE user_id = ?').pluck().get(leadId) as number }, lead);
      const opened = st.must('handover.open', {}, desk);
      st.must('handover.submit', { id: opened.id }, desk);
      st.must('handover.acknowledge', { id: opened.id, incoming: { userId: leadId, password: 'Own-pass-22' } }, desk);
      // The handover open at 09:00 is last night's: today's leader signs it with the generator's reason.
      st.must('handover.sign', { id: opened.id, password: 'Own-pass-22', reason: OFF_DUTY_REASON }, lead);
      expect(st.must('handover.verify', { id: opened.id }, lead)).toMatchObject({ ok: true, state: 'signed' });
      const real = st.core.db.prepare("SELECT reason, signer_id FROM signatures WHERE entity = 'handover'").get();
      expect(real).toEqual({ reason: OFF_DUTY_REASON, signer_id: leadId });
      // The generator writes the same columns.
      const { db } = openDatabase(fresh());
      generateWith(db, { size: 'demo', now: NOW, seed: 5, features: FEATURE_REGISTRY }, 'bulk');
      for (const t of ['handover_acks', 'signatures']) {
        expect(Object.keys(db.prepare(`SELECT * FROM ${t}`).get() as object), t).toEqual(Object.keys(st.core.db.prepare(`SELECT * FROM ${t}`).get() as object));
      }
      expect(st.core.db.prepare('SELECT user_id FROM handover_acks').pluck().all()).toEqual([leadId]);
      expect(deskId).not.toBe(leadId);
      db.close();
    } finally {
      st.close();
    }
  });
});
