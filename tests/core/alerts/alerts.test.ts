import { afterEach, describe, expect, it } from 'vitest';
import type { AlertGroup } from '../../../shared/contract/alerts';
import { FEATURE_REGISTRY } from '../../../electron/features';

const HANDOVER_SECTIONS = FEATURE_REGISTRY.handoverSections;
import { collectAlerts, compileSections, group, type AlertContext, type AlertProvider } from '../../../electron/features/alerts/registry';
import { readSettings } from '../../../electron/features/settings/service';
import { stationDay } from '../../../shared/domain/time';
import { openStation, type TestStation } from '../helpers';

/**
 * The kit's alert registry (issue 9): each feature declares its alerts and its handover sections once; the board,
 * the header and the handover read them. Intake's board alerts are its first provider.
 */
let st: TestStation;
let desk: string;
afterEach(() => st?.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 09:00 on 20 July 2026 in Shanghai. */
const NOW = Date.UTC(2026, 6, 20, 1, 0);

function station() {
  st = openStation();
  st.clock.t = NOW;
  desk = st.userWith(['front_desk'], 'desk');
}
/** An admitted adult who arrived `daysAgo` days before now (registered then: the clock is moved back and forth). */
function arrived(name: string | undefined, daysAgo: number, opts: { admit?: boolean; description?: string } = {}) {
  const at = NOW - daysAgo * DAY;
  st.clock.t = at;
  const r = st.must('intake.register', { person: { ...(name ? { name } : { description: opts.description ?? '无名' }), sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: at }, desk);
  if (opts.admit !== false) st.must('intake.triage', { stayId: r.stayId, decision: 'admit' }, desk);
  st.clock.t = NOW;
  st.must('auth.unlock', { password: 'Own-pass-22' }, desk);
  return r.stayId;
}
const byKey = (groups: AlertGroup[]) => Object.fromEntries(groups.map((g) => [g.key, g]));

describe('the registry', () => {
  const ctx = {} as AlertContext;
  const provider = (feature: string, permission: AlertProvider['permission'], groups: AlertGroup[]): AlertProvider => ({ feature, permission, alerts: () => groups });
  const g = (key: string, urgency: AlertGroup['urgency'], count: number) => group(key, key.split('.')[0]!, urgency, Array.from({ length: count }, (_, i) => ({ entity: 'x', id: i + 1, name: null, description: null, owner: null, detail: '', at: null })), 2);

  it('shows only what the caller’s roles may see, most urgent first, and leaves out empty groups', () => {
    const providers = [
      provider('intake', 'intake.read', [g('intake.incomplete', 'notice', 3), g('intake.overLimit', 'urgent', 1), g('intake.nearLimit', 'warning', 0)]),
      provider('stock', 'stock.read', [g('stock.expired', 'urgent', 2)]),
    ];
    expect(collectAlerts(providers, ctx, ['intake.read'], 2).map((x) => x.key)).toEqual(['intake.overLimit', 'intake.incomplete']);
    expect(collectAlerts(providers, ctx, ['intake.read', 'stock.read'], 2).map((x) => x.key)).toEqual(['intake.overLimit', 'stock.expired', 'intake.incomplete']);
    expect(collectAlerts(providers, ctx, [], 2)).toEqual([]);
  });

  it('counts the whole list and carries its first lines only', () => {
    expect(g('a.b', 'notice', 3)).toMatchObject({ count: 3, lines: [{ id: 1 }, { id: 2 }] });
  });

  it('orders urgent before warning before notice, and keeps registration order within an urgency', () => {
    const providers = [
      provider('intake', 'intake.read', [g('intake.incomplete', 'notice', 1), g('intake.nearLimit', 'warning', 1), g('intake.overLimit', 'urgent', 1)]),
      provider('stock', 'stock.read', [g('stock.low', 'notice', 1), g('stock.expiring', 'warning', 1), g('stock.expired', 'urgent', 1)]),
      provider('roster', 'roster.read', [g('roster.gap', 'warning', 1), g('roster.missed', 'urgent', 1), g('roster.draft', 'notice', 1)]),
    ];
    expect(collectAlerts(providers, ctx, ['intake.read', 'stock.read', 'roster.read'], 2).map((x) => x.key)).toEqual([
      'intake.overLimit',
      'stock.expired',
      'roster.missed',
      'intake.nearLimit',
      'stock.expiring',
      'roster.gap',
      'intake.incomplete',
      'stock.low',
      'roster.draft',
    ]);
  });

  it('compiles a handover only over a window that runs forwards', () => {
    expect(() => compileSections(HANDOVER_SECTIONS, ctx, { from: 2, to: 1 })).toThrow(/forwards/);
  });

  it('a window of one millisecond runs forwards; one that ends where it starts does not', () => {
    const section = (key: string) => ({ key, feature: key.split('.')[0]!, figures: [], lines: [] });
    const providers = [
      { feature: 'intake', sections: () => [section('intake.census')] },
      { feature: 'stock', sections: () => [section('stock.low'), section('stock.expiring')] },
    ];
    expect(compileSections(providers, ctx, { from: 1, to: 2 }).map((s) => s.key)).toEqual(['intake.census', 'stock.low', 'stock.expiring']);
    expect(() => compileSections(providers, ctx, { from: 2, to: 2 })).toThrow(/forwards/);
  });
});

describe('intake’s alerts', () => {
  it('are the board’s lists, by urgency, each line opening its stay, for the roles that read intake', () => {
    station();
    const over = arrived('超期', 10); // day 11
    const near = arrived('临期', 7); // day 8
    const fresh = arrived('新来', 0, { admit: false });
    const unknown = arrived(undefined, 2, { description: '不明身份男子' }); // a family-search notice due 24 h after arrival
    const groups = byKey(st.must('alerts.list', {}, desk));
    expect(groups['intake.overLimit']).toMatchObject({ urgency: 'urgent', count: 1, lines: [{ entity: 'stay', id: over, name: '超期', detail: '11' }] });
    expect(groups['intake.nearLimit']).toMatchObject({ urgency: 'warning', count: 1, lines: [{ id: near, detail: '8' }] });
    expect(groups['intake.awaitingTriage']).toMatchObject({ count: 1, lines: [{ id: fresh }] });
    expect(groups['intake.familySearchDue']!.lines[0]).toMatchObject({ id: unknown, description: '不明身份男子', detail: 'notice:overdue' });
    expect(groups['intake.withoutBed']!.count).toBe(3);
    // Each group is intake's: its title is in intake's catalog (`alerts.<key>`), which the group names as its feature.
    expect(Object.values(groups).map((g) => [g.key, g.feature])).toEqual(Object.keys(groups).map((k) => [k, 'intake']));
    expect(Object.keys(groups)).toEqual(expect.arrayContaining(['intake.overLimit', 'intake.familySearchDue', 'intake.awaitingTriage', 'intake.nearLimit']));
    // Over the limit and a family search due are urgent (someone not helped in time); awaiting triage, no bed and near
    // the limit are this shift's work.
    expect(Object.fromEntries(['overLimit', 'familySearchDue', 'awaitingTriage', 'withoutBed', 'nearLimit'].map((k) => [k, groups[`intake.${k}`]!.urgency]))).toEqual({
      overLimit: 'urgent',
      familySearchDue: 'urgent',
      awaitingTriage: 'warning',
      withoutBed: 'warning',
      nearLimit: 'warning',
    });
    // Urgent groups come first.
    expect(st.must('alerts.list', {}, desk).slice(0, 2).map((x) => x.urgency)).toEqual(['urgent', 'urgent']);
    // The board shows the same lines (one source).
    const board = st.must('intake.board', {}, desk);
    expect(board.overLimit.lines.map((l) => l.stayId)).toEqual([over]);
    expect(board.withoutBed.lines.map((l) => l.stayId).sort()).toEqual(groups['intake.withoutBed']!.lines.map((l) => l.id).sort());
    // A storekeeper does not read intake: no intake alerts.
    const store = st.userWith(['storekeeper'], 'store');
    expect(st.must('alerts.list', {}, store)).toEqual([]);
  });

  it('show a case offered to a colleague in that colleague’s alerts, not the offerer’s (first-contact responsibility passes only when they accept)', () => {
    station();
    const stayId = arrived('赵六', 0);
    const colleague = st.userWith(['front_desk'], 'colleague');
    st.must('intake.offerOwnership', { stayId, toUserId: st.must('auth.session', {}, colleague).user.id }, desk);
    expect(byKey(st.must('alerts.list', {}, colleague))['intake.offersToMe']).toMatchObject({ feature: 'intake', urgency: 'warning', count: 1, lines: [{ entity: 'stay', id: stayId }] });
    expect(byKey(st.must('alerts.list', {}, desk))['intake.offersToMe']).toBeUndefined();
  });

  it('carry belongings still in custody and incomplete records last, as notices to be seen to', () => {
    station();
    const stayId = arrived('张三', 1);
    const witness = st.userWith(['front_desk'], 'witness');
    const item = { description: '手机', quantity: 1, storagePlace: '保管柜A-3' };
    st.must('intake.custodyAdd', { stayId, items: [item], witness: { userId: st.must('auth.session', {}, witness).user.id, password: 'Own-pass-22' } }, desk);
    const groups = st.must('alerts.list', {}, desk);
    expect(byKey(groups)['intake.openCustody']).toMatchObject({ feature: 'intake', urgency: 'notice', count: 1, lines: [{ entity: 'stay', id: stayId, name: '张三' }] });
    expect(byKey(groups)['intake.incomplete']).toMatchObject({ feature: 'intake', urgency: 'notice', count: 1, lines: [{ entity: 'stay', id: stayId }] });
    expect(groups.slice(-2).map((g) => g.key)).toEqual(['intake.openCustody', 'intake.incomplete']);
    expect(groups.every((g) => g.feature === 'intake')).toBe(true);
  });

  it('carry as many lines as asked, and the whole count', () => {
    station();
    for (let i = 0; i < 4; i++) arrived(`待床${i}`, 0);
    const g = byKey(st.must('alerts.list', { lines: 2 }, desk))['intake.withoutBed']!;
    expect(g.count).toBe(4);
    expect(g.lines).toHaveLength(2);
  });
});

describe('intake’s handover sections', () => {
  it('compile the census (who awaits triage counted apart from the residents), the shift’s arrivals and departures (its edges on both sides), hospital, limits and open records', () => {
    station();
    const from = NOW - 12 * HOUR; // the night shift, 21:00 → 09:00
    const before = arrived('班前到站', 0.5 + 1 / 24 / 60); // one minute before the shift began
    const first = arrived('交班起点到站', 0.5); // at its first instant
    const during = arrived('夜里到站', 0.25);
    arrived('刚到待分诊', 0.1, { admit: false });
    st.must('intake.discharge', { stayId: before, type: 'hospital', hospital: '市一院' }, desk);
    st.must('intake.triage', { stayId: arrived('送医', 3, { admit: false }), decision: 'hospital', destination: '区医院' }, desk);
    st.must('intake.assignBed', { stayId: during, zoneId: 1 }, desk);
    const settings = readSettings(st.core.db);
    const ctx: AlertContext = { db: st.core.db, now: NOW, today: stationDay(NOW, settings.timeZone), settings, actorId: null };
    const sections = Object.fromEntries(compileSections(HANDOVER_SECTIONS, ctx, { from, to: NOW }).filter((s) => s.feature === 'intake').map((s) => [s.key, s]));
    expect(Object.keys(sections)).toEqual(['intake.census', 'intake.arrivals', 'intake.departures', 'intake.atHospital', 'intake.overLimit', 'intake.nearLimit', 'intake.familySearchDue', 'intake.openCustody', 'intake.incomplete']);
    expect(sections['intake.arrivals']!.lines.map((l) => l.name)).toEqual(['交班起点到站', '夜里到站', '刚到待分诊']);
    expect(sections['intake.arrivals']!.lines.map((l) => l.id).slice(0, 2)).toEqual([first, during]);
    expect(sections['intake.departures']!.lines.map((l) => [l.id, l.detail])).toEqual([[before, 'hospital']]);
    expect(sections['intake.atHospital']!.lines.map((l) => [l.name, l.detail])).toEqual([['送医', 'at_hospital']]);
    const census = sections['intake.census']!.figures;
    // The census is figures alone: who is in the building is counted, not listed.
    expect(sections['intake.census']!.lines).toEqual([]);
    expect(census.find((f) => f.key === 'residents')!.value).toBe(2);
    expect(census.find((f) => f.key === 'awaitingTriage')!.value).toBe(1);
    expect(census.find((f) => f.key === 'atHospital')!.value).toBe(1);
    // Arrivals and departures are counted as well as listed; the other sections are lists alone.
    expect([sections['intake.arrivals']!.figures, sections['intake.departures']!.figures]).toEqual([[{ key: 'count', value: 3 }], [{ key: 'count', value: 1 }]]);
    expect(sections['intake.atHospital']).toMatchObject({ feature: 'intake', figures: [] });
    expect(census.find((f) => f.key === 'freeBeds')).toEqual({ key: 'freeBeds', value: 37, of: 38 });
    expect(census.find((f) => f.label === '男宿区')).toEqual({ key: 'zone', label: '男宿区', value: 1, of: 12 });
  });
});
