import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core';
import { FEATURE_REGISTRY } from '../../../electron/features';
import { openDatabase } from '../../../electron/db/open';
import { DEMO_PASSWORD, generateStation, generateWith, type GenerateReport } from '../../../electron/features/demo/generate';
import { verifyChain } from '../../../electron/features/audit/chain';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import { BOARD_FIRST_LINES, BOARD_LISTS, DISCHARGE_TYPES, type BoardLine, type BoardListKey } from '../../../shared/contract/intake';
import { checkIdNumber } from '../../../shared/domain/idcard';
import { ARRIVAL_CHANNELS } from '../../../shared/domain/person';
import type { Result } from '../../../shared/domain/result';
import { openStation, tempDirs } from '../helpers';

/** 15:00 on 20 July 2026 in Shanghai: a summer afternoon. */
const NOW = Date.UTC(2026, 6, 20, 7, 0);
const silent = { info() {}, error() {} };
const dirs = tempDirs();
afterAll(dirs.cleanUp);
const fresh = dirs.fresh;

describe('the demo station', () => {
  let core: Core;
  let report: GenerateReport;
  let desk: string;
  const call = <K extends ProcedureName>(name: K, input: Input<K>, sessionId = desk) => core.dispatch(name, input, { sessionId }) as Result<Output<K>>;
  const must = <K extends ProcedureName>(name: K, input: Input<K>, sessionId = desk): Output<K> => {
    const r = call(name, input, sessionId);
    if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const all = <T>(sql: string, ...params: unknown[]) => core.db.prepare(sql).all(...params) as T[];

  beforeAll(() => {
    let t = NOW;
    core = openCore({ dataDir: fresh(), clock: () => t, logger: silent });
    report = generateStation(core.db, { size: 'demo', now: NOW, seed: 7, features: FEATURE_REGISTRY });
    console.log('demo station:', JSON.stringify(report));
    t = NOW + 60_000;
    desk = must('auth.login', { username: 'liming', password: DEMO_PASSWORD }, undefined).sessionId;
  });
  afterAll(() => core?.close());

  it('is a living station of the promised size, with its accounts signed in without a forced password change', () => {
    expect(report.persons).toBeGreaterThanOrEqual(60);
    expect(report.persons).toBeLessThanOrEqual(120);
    expect(report.inStation).toBeGreaterThanOrEqual(15);
    expect(report.inStation).toBeLessThanOrEqual(30);
    expect(report.withBed).toBeGreaterThanOrEqual(12);
    expect(report.usersCreated).toContain('admin');
    expect(must('settings.get', {}).stationName).toBe('示范区救助管理站');
    const admin = must('auth.login', { username: 'admin', password: DEMO_PASSWORD }, undefined);
    expect(must('accounts.list', {}, admin.sessionId).every((a) => !a.mustChangePassword)).toBe(true);
  });

  it('passes integrity_check and the audit chain, with one dev.generate row written as the admin', () => {
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyChain(core.db, NOW)).toMatchObject({ ok: true });
    const rows = all<{ procedure: string; actor_name: string; after: string }>("SELECT procedure, actor_name, after FROM audit_log WHERE procedure = 'dev.generate'");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_name).toBe('王建国');
    expect(JSON.parse(rows[0]!.after)).toMatchObject({ persons: report.persons, stays: report.stays });
  });

  it('has beds that obey the rules now and in the past', () => {
    // Every open stay at most one bed (the unique index), closed stays none, and no bed held by two stays at once, ever.
    expect(all("SELECT a.stay_id FROM bed_assignments a JOIN stays s ON s.id = a.stay_id WHERE a.to_at IS NULL AND s.status <> 'in_station'")).toEqual([]);
    const history = all<{ bed_id: number; from_at: number; to_at: number | null }>('SELECT bed_id, from_at, to_at FROM bed_assignments ORDER BY bed_id, from_at');
    history.forEach((a, i) => {
      const prev = history[i - 1];
      if (prev && prev.bed_id === a.bed_id) expect(prev.to_at, `bed ${a.bed_id}`).not.toBeNull(), expect(prev.to_at!).toBeLessThanOrEqual(a.from_at);
    });
    for (const zone of must('intake.beds', {})) {
      expect(zone.occupied).toBeLessThanOrEqual(zone.beds.length);
      for (const bed of zone.beds.filter((b) => b.occupant)) {
        const stay = must('intake.get', { stayId: bed.occupant!.stayId });
        expect(stay.status).toBe('in_station');
        if (stay.age === null) expect(zone.code).toBe('medical');
        else if (stay.age < 18) expect(['minors', 'medical']).toContain(zone.code);
        if (zone.sex) expect(stay.person.sex).toBe(zone.sex);
      }
    }
  });

  it('settles belongings before every discharge, and keeps open stays to the last weeks', () => {
    expect(
      all(`SELECT i.id FROM custody_items i JOIN stays s ON s.id = i.stay_id LEFT JOIN custody_settlements c ON c.item_id = i.id
           WHERE s.status = 'discharged' AND c.id IS NULL`),
    ).toEqual([]);
    expect(all(`SELECT id FROM stays WHERE status IN ('registered', 'in_station', 'at_hospital') AND arrived_at < ?`, NOW - 28 * 86_400_000)).toEqual([]);
    expect(all('SELECT id FROM stays WHERE discharged_at > ? OR arrived_at > ?', NOW, NOW)).toEqual([]);
  });

  it('has repeat visitors, unknown persons with descriptions, valid and converted ID numbers, and special groups', () => {
    const repeat = all<{ n: number }>('SELECT count(*) AS n FROM stays GROUP BY person_id HAVING n >= 2');
    expect(repeat.length).toBeGreaterThan(5);
    expect(Math.max(...repeat.map((r) => r.n))).toBeLessThanOrEqual(6);
    const unknown = all<{ description: string }>('SELECT description FROM persons WHERE name IS NULL');
    expect(unknown.length).toBeGreaterThan(0);
    for (const u of unknown) expect(u.description).toMatch(/^[男女]，/);
    const ids = all<{ id_number: string }>('SELECT id_number FROM persons WHERE id_number IS NOT NULL');
    expect(ids.length).toBeGreaterThan(20);
    for (const { id_number } of ids) expect(checkIdNumber(id_number)).toMatchObject({ ok: true, normalized: id_number });
    expect(all('SELECT id FROM persons WHERE id_number IS NULL AND name IS NOT NULL').length).toBeGreaterThan(5);
    const channels = new Set(all<{ channel: string }>('SELECT DISTINCT channel FROM stays').map((r) => r.channel));
    expect(channels.size).toBeGreaterThanOrEqual(5);
    for (const c of channels) expect(ARRIVAL_CHANNELS).toContain(c);
    for (const { discharge_type } of all<{ discharge_type: string }>('SELECT DISTINCT discharge_type FROM stays WHERE discharge_type IS NOT NULL')) {
      expect(DISCHARGE_TYPES).toContain(discharge_type);
    }
    // The family-search tasks exist exactly for the stays of people with neither name nor ID number.
    expect(all(`SELECT s.id FROM stays s JOIN persons p ON p.id = s.person_id WHERE p.name IS NULL AND p.id_number IS NULL
                AND (SELECT count(*) FROM family_search_tasks t WHERE t.stay_id = s.id) <> 3`)).toEqual([]);
    expect(all(`SELECT t.id FROM family_search_tasks t JOIN stays s ON s.id = t.stay_id JOIN persons p ON p.id = s.person_id WHERE p.name IS NOT NULL`)).toEqual([]);
  });

  it('finds generated people by pinyin initials, name and ID digits; opens them with all their stays', () => {
    const people = all<{ id: number; name: string; pinyin_initials: string; id_number: string | null }>(
      'SELECT id, name, pinyin_initials, id_number FROM persons WHERE name IS NOT NULL ORDER BY id LIMIT 12',
    );
    for (const p of people) {
      expect(must('people.search', { q: p.pinyin_initials, limit: 50 }).map((h) => h.id), `${p.name} ${p.pinyin_initials}`).toContain(p.id);
      expect(must('people.search', { q: p.name, limit: 50 }).map((h) => h.id)).toContain(p.id);
      if (p.id_number) expect(must('people.search', { q: p.id_number.slice(6, 14) }).map((h) => h.id)).toContain(p.id);
    }
    const frequent = all<{ person_id: number; n: number }>('SELECT person_id, count(*) AS n FROM stays GROUP BY person_id ORDER BY n DESC LIMIT 1')[0]!;
    expect(must('people.get', { id: frequent.person_id }).stays).toHaveLength(frequent.n);
  });

  it('answers today’s board', () => {
    const board = must('intake.board', {});
    expect(board.today).toBe('2026-07-20');
    expect(board.residents).toBe(report.inStation);
    expect(board.zones.reduce((n, z) => n + z.occupied, 0)).toBe(report.withBed);
    expect(board.arrivals.count + board.departures.count).toBeGreaterThan(0);
  });

  it('answers the board the former per-stay reading gave (every open stay read in full through intake.get)', () => {
    const openIds = all<{ id: number }>(`SELECT id FROM stays WHERE status IN ('registered', 'in_station', 'at_hospital') ORDER BY arrived_at, id`).map((r) => r.id);
    const stays = openIds.map((stayId) => must('intake.get', { stayId }));
    const sessions = new Map<number, string>([[must('auth.session', {}).user.id, desk]]);
    for (const offer of stays.filter((s) => s.pendingOffer)) {
      const username = all<{ username: string }>('SELECT username FROM users WHERE id = ?', offer.pendingOffer!.to.id)[0]!.username;
      sessions.set(offer.pendingOffer!.to.id, must('auth.login', { username, password: DEMO_PASSWORD }, undefined).sessionId);
    }
    for (const [me, session] of sessions) {
      const lineOf = (s: (typeof stays)[number], detail: string, at: number | null = s.arrivedAt) => ({
        stayId: s.id,
        personId: s.person.id,
        name: s.person.name,
        description: s.person.description,
        owner: s.owner.displayName,
        detail,
        at,
      });
      // The board carries each list's count and first lines; "all" (intake.boardList) pages through the rest.
      const capped = must('intake.board', {}, session);
      const every = (list: BoardListKey) => {
        const lines: BoardLine[] = [];
        for (let offset = 0; ; offset += 7) {
          const page = must('intake.boardList', { list, offset, limit: 7 }, session);
          expect(page.count).toBe(capped[list].count);
          if (page.lines.length === 0) return lines;
          lines.push(...page.lines);
        }
      };
      const board = { residents: capped.residents, zones: capped.zones, ...(Object.fromEntries(BOARD_LISTS.map((k) => [k, every(k)])) as Record<BoardListKey, BoardLine[]>) };
      for (const k of BOARD_LISTS) {
        expect(capped[k].count).toBe(board[k].length);
        expect(capped[k].lines).toEqual(board[k].slice(0, BOARD_FIRST_LINES));
      }
      expect(board.residents).toBe(stays.filter((s) => s.status === 'in_station').length);
      expect(board.awaitingTriage).toEqual(stays.filter((s) => s.status === 'registered').map((s) => lineOf(s, 'registered')));
      expect(board.withoutBed).toEqual(stays.filter((s) => s.status === 'in_station' && !s.bed).map((s) => lineOf(s, 'no_bed')));
      expect(board.nearLimit).toEqual(stays.filter((s) => s.clock.state === 'warn').map((s) => lineOf(s, String(s.clock.day))));
      expect(board.overLimit).toEqual(stays.filter((s) => s.clock.state === 'overdue').map((s) => lineOf(s, String(s.clock.day))));
      const openItems = (s: (typeof stays)[number]) => s.custody.filter((i) => i.settlement === null).length;
      expect(board.openCustody).toEqual(stays.filter(openItems).map((s) => lineOf(s, String(openItems(s)))));
      expect(board.incomplete).toEqual(stays.filter((s) => s.incomplete).map((s) => lineOf(s, String(s.person.missing.length))));
      expect(board.offersToMe).toEqual(
        stays.filter((s) => s.pendingOffer?.to.id === me).map((s) => lineOf(s, s.pendingOffer!.from.displayName, s.pendingOffer!.offeredAt)),
      );
      const due = stays
        .flatMap((s) => s.familySearch.filter((t) => t.state === 'due' || t.state === 'overdue').map((t) => ({ s, t })))
        .sort((a, b) => a.t.dueAt - b.t.dueAt || a.t.id - b.t.id);
      expect(board.familySearchDue).toEqual(due.map(({ s, t }) => lineOf(s, `${t.kind}:${t.state}`, t.dueAt)));
      expect(board.zones).toEqual(must('intake.beds', {}, session).map((z) => ({ id: z.id, name: z.name, beds: z.beds.length, occupied: z.occupied })));
    }
    expect(stays.some((s) => s.clock.state === 'warn' || s.clock.state === 'overdue')).toBe(true);
    expect(stays.some((s) => s.incomplete)).toBe(true);
  });

  it('searches by the rule the former scan applied: exact name first, then the newest record', () => {
    const people = all<{ id: number; name: string | null; pinyin_full: string; pinyin_initials: string; description: string | null }>(
      'SELECT id, name, pinyin_full, pinyin_initials, description FROM persons ORDER BY id',
    );
    const like = (text: string | null, needle: string, prefix: boolean) => {
      if (!text) return false;
      const t = text.replace(/[A-Z]/g, (c) => c.toLowerCase()); // LIKE folds ASCII only
      return prefix ? t.startsWith(needle) : t.includes(needle);
    };
    const trigram = (needle: string) =>
      new Set(core.db.prepare('SELECT rowid FROM persons_search WHERE persons_search MATCH ?').pluck().all(`"${needle.replace(/"/g, '""')}"`) as number[]);
    const reference = (q: string, limit: number) => {
      const needle = q.trim().toLowerCase();
      const inTrigram = [...needle].length >= 3 ? trigram(needle) : null;
      const matches = people.filter((p) =>
        inTrigram
          ? inTrigram.has(p.id)
          : like(p.name, needle, false) || like(p.description, needle, false) || like(p.pinyin_initials, needle, true) || like(p.pinyin_full, needle, true),
      );
      return matches
        .sort((a, b) => Number(b.name === needle) - Number(a.name === needle) || b.id - a.id)
        .slice(0, limit)
        .map((p) => p.id);
    };
    const queries = new Set<string>(['z', 'w', 'zh', 'li', '男', '约', '50', '岁，', '王', '李', '张', '伟', '秀英', 'zhang', 'wang', 'ang', '4101', '1980']);
    for (const p of people.slice(0, 40)) {
      if (p.name) for (const q of [[...p.name][0]!, [...p.name].slice(0, 2).join(''), [...p.name].slice(1, 3).join(''), p.name, p.pinyin_initials, p.pinyin_initials.slice(0, 2)]) queries.add(q);
      if (p.description) queries.add([...p.description].slice(5, 7).join(''));
    }
    for (const q of queries) {
      if (!q.trim()) continue;
      for (const limit of [5, 50]) expect(must('people.search', { q, limit }).map((h) => h.id), `${q} (${limit})`).toEqual(reference(q, limit));
    }
  });

  it('refuses to generate into a station that already has people', () => {
    expect(() => generateStation(core.db, { size: 'demo', now: NOW, features: FEATURE_REGISTRY })).toThrow(/already has people/);
  });
});

describe('the bulk path', () => {
  let b: Database.Database;
  afterAll(() => b?.close());

  it('writes exactly the rows the services write, for the same plan', () => {
    const a = openDatabase(fresh()).db;
    b = openDatabase(fresh()).db;
    const opts = { size: 'demo' as const, now: NOW, seed: 11, features: FEATURE_REGISTRY };
    const ra = generateWith(a, opts, 'services');
    const rb = generateWith(b, opts, 'bulk');
    expect({ ...rb, ms: 0 }).toEqual({ ...ra, ms: 0 });
    const tables = (a.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'persons_search%' AND name NOT LIKE 'persons_grams%' ORDER BY name").pluck().all() as string[]);
    expect(tables).toContain('stay_events');
    const rows = (db: Database.Database, t: string) => {
      const list = db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[];
      // Fresh key material each run (a password's salt, a signing key pair): everything else must match.
      const random: Record<string, string[]> = { users: ['password_hash'], signing_keys: ['public_key', 'salt', 'iv', 'tag', 'ciphertext'], signatures: ['signature'] };
      const drop = random[t] ?? [];
      return list.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k))))).sort();
    };
    for (const t of tables) expect(rows(b, t), t).toEqual(rows(a, t));
    // The trigram index: the same terms at the same places for the same rows.
    const vocab = (db: Database.Database, table: string) => {
      db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_${table} USING fts5vocab(main, ${table}, 'instance')`);
      return db.prepare(`SELECT term, doc, col, offset FROM temp.v_${table} ORDER BY doc, offset, term`).raw().all();
    };
    for (const index of ['persons_search', 'persons_grams']) {
      const va = vocab(a, index);
      expect(va.length).toBeGreaterThan(500);
      expect(vocab(b, index), index).toEqual(va);
    }
    expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyChain(b, NOW).ok).toBe(true);
    a.close();
  });

  it('co-signed steps write the rows the real procedures write', () => {
    const st = openStation();
    try {
      const desk = st.userWith(['front_desk'], 'desk');
      st.userWith(['front_desk'], 'colleague');
      const colleague = st.must('accounts.list', {}, st.adminSession).find((u) => u.username === 'colleague')!.id;
      const register = () => st.must('intake.register', { person: { name: '测试' }, channel: 'walk_in', arrivedAt: st.clock.t }, desk).stayId;
      const real = register();
      st.must('intake.triage', { stayId: real, decision: 'admit' }, desk);
      st.must('intake.safetyCheck', { stayId: real, findings: '未发现危险物品', disposition: '无', witness: { userId: colleague, password: 'Own-pass-22' } }, desk);
      st.must('intake.custodyAdd', { stayId: real, items: [{ description: '现金', quantity: 1, cashFen: 500, storagePlace: '保险柜' }], witness: { userId: colleague, password: 'Own-pass-22' } }, desk);
      // The generator's own rows for the same steps (the bulk station above).
      const shape = (db: Database.Database, sql: string) => Object.keys(db.prepare(sql).get() as object);
      for (const t of ['safety_checks', 'custody_items']) expect(shape(b, `SELECT * FROM ${t}`), t).toEqual(shape(st.core.db, `SELECT * FROM ${t}`));
      const data = (db: Database.Database, kind: string) => Object.keys(JSON.parse((db.prepare('SELECT data FROM stay_events WHERE kind = ?').get(kind) as { data: string }).data));
      for (const kind of ['safety_check', 'custody_received']) expect(data(b, kind), kind).toEqual(data(st.core.db, kind));
    } finally {
      st.close();
    }
  });
});
