import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, openStation, type TestStation } from '../helpers';
import { refusal } from '../desk';

let st: TestStation;
afterEach(() => st?.close());

const err = (r: { ok: boolean; error?: { code: string; fields?: Record<string, string> } }) => (r.ok ? 'ok' : `${r.error!.code} ${JSON.stringify(r.error!.fields ?? {})}`);

describe('configurable zones and beds', () => {
  it('adds a zone with its rules and beds, and placement follows them', () => {
    st = openStation();
    const desk = st.userWith(['front_desk'], 'desk');
    const zones = st.must('intake.zoneSave', { code: 'old_women', name: '老年女宿区', sex: 'female', minAge: 60 }, st.adminSession);
    const zone = zones.find((z) => z.code === 'old_women')!;
    st.must('intake.bedsAdd', { zoneId: zone.id, labels: ['老女-01', '老女-02'] }, st.adminSession);
    expect(refusal(st.call('intake.bedsAdd', { zoneId: zone.id, labels: ['老女-01'] }, st.adminSession))).toMatchObject({ code: 'CONFLICT', fields: { labels: 'v.bedLabelTaken' } });
    expect(st.must('intake.beds', {}, desk).find((z) => z.id === zone.id)?.beds.map((b) => b.label)).toEqual(['老女-01', '老女-02']);
    const man = st.must('intake.register', { person: { name: '老汉', sex: 'male', estimatedAge: 70 }, channel: 'walk_in', arrivedAt: st.clock.now() }, desk);
    st.must('intake.triage', { stayId: man.stayId, decision: 'admit' }, desk);
    expect(err(st.call('intake.assignBed', { stayId: man.stayId, zoneId: zone.id }, desk))).toContain('v.zoneSex');
    const woman = st.must('intake.register', { person: { name: '老太', sex: 'female', estimatedAge: 75 }, channel: 'walk_in', arrivedAt: st.clock.now() }, desk);
    st.must('intake.triage', { stayId: woman.stayId, decision: 'admit' }, desk);
    expect(st.must('intake.assignBed', { stayId: woman.stayId, zoneId: zone.id }, desk).bed?.label).toBe('老女-01');

    // While she is there, the zone cannot be closed or its rules changed, and her bed cannot be taken out of use.
    const before = contentHash(st.core);
    expect(err(st.call('intake.zoneSave', { id: zone.id, code: 'old_women', name: '老年女宿区', sex: 'female', minAge: 60, active: false }, st.adminSession))).toContain('v.zoneOccupied');
    expect(err(st.call('intake.zoneSave', { id: zone.id, code: 'old_women', name: '老年女宿区', sex: null, minAge: 60 }, st.adminSession))).toContain('v.zoneOccupied');
    const bed = st.must('intake.zones', {}, st.adminSession).find((z) => z.id === zone.id)!.beds[0]!;
    expect(refusal(st.call('intake.bedSetActive', { bedId: bed.id, active: false }, st.adminSession))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.bedOccupied' } });
    expect(contentHash(st.core)).toBe(before);
    // Renaming is fine; a free bed can be taken out of use and no longer counts.
    st.must('intake.zoneSave', { id: zone.id, code: 'old_women', name: '老年女性区', sex: 'female', minAge: 60 }, st.adminSession);
    const free = st.must('intake.zones', {}, st.adminSession).find((z) => z.id === zone.id)!.beds[1]!;
    st.must('intake.bedSetActive', { bedId: free.id, active: false }, st.adminSession);
    expect(st.must('intake.board', {}, desk).zones.find((z) => z.id === zone.id)).toMatchObject({ name: '老年女性区', beds: 1, occupied: 1 });
  });

  it('refuses a code taken by another zone (CONFLICT at code), not the zone’s own code when it is saved again', () => {
    st = openStation();
    expect(refusal(st.call('intake.zoneSave', { code: 'men', name: '另一个男宿区' }, st.adminSession))).toMatchObject({ code: 'CONFLICT', fields: { code: 'v.zoneCodeTaken' } });
    const men = st.must('intake.zones', {}, st.adminSession).find((z) => z.code === 'men')!;
    const saved = st.must('intake.zoneSave', { id: men.id, code: 'men', name: '男宿一区', sex: 'male', minAge: 18, maxAge: 59 }, st.adminSession);
    expect(saved.find((z) => z.id === men.id)).toMatchObject({ name: '男宿一区', code: 'men' });
  });

  it('an age range may hold one age, or have one end open; a reversed one is refused (VALIDATION at maxAge)', () => {
    st = openStation();
    const before = contentHash(st.core);
    expect(refusal(st.call('intake.zoneSave', { code: 'teens', name: '青少年区', minAge: 13, maxAge: 12 }, st.adminSession))).toMatchObject({ code: 'VALIDATION', fields: { maxAge: 'v.ageRange' } });
    expect(contentHash(st.core)).toBe(before);
    const zones = () => st.must('intake.zones', {}, st.adminSession);
    st.must('intake.zoneSave', { code: 'twelve', name: '十二岁区', minAge: 12, maxAge: 12 }, st.adminSession);
    st.must('intake.zoneSave', { code: 'older', name: '高龄区', minAge: 80, maxAge: null }, st.adminSession);
    st.must('intake.zoneSave', { code: 'young', name: '幼童区', minAge: null, maxAge: 6 }, st.adminSession);
    expect(zones().filter((z) => ['twelve', 'older', 'young'].includes(z.code)).map((z) => [z.code, z.minAge, z.maxAge])).toEqual([
      ['twelve', 12, 12],
      ['older', 80, null],
      ['young', null, 6],
    ]);
  });

  it('a zone, a bed or a zone to add beds to that does not exist is NOT_FOUND, and nothing changes', () => {
    st = openStation();
    const before = contentHash(st.core);
    expect(refusal(st.call('intake.zoneSave', { id: 99, code: 'ghost', name: '不存在' }, st.adminSession))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal(st.call('intake.bedsAdd', { zoneId: 99, labels: ['鬼-01'] }, st.adminSession))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal(st.call('intake.bedSetActive', { bedId: 999, active: false }, st.adminSession))).toMatchObject({ code: 'NOT_FOUND' });
    expect(contentHash(st.core)).toBe(before);
  });

  it('the settings show each zone’s rules, whether it and each bed are in use, and who is in a bed', () => {
    st = openStation();
    const desk = st.userWith(['front_desk'], 'desk');
    const { stayId } = st.must('intake.register', { person: { name: '医一', sex: 'male' }, channel: 'walk_in', arrivedAt: st.clock.now() }, desk);
    st.must('intake.triage', { stayId, decision: 'admit' }, desk);
    st.must('intake.assignBed', { stayId, zoneId: 5 }, desk);
    const [first, second] = st.must('intake.zones', {}, st.adminSession).find((z) => z.code === 'medical')!.beds;
    st.must('intake.bedSetActive', { bedId: second!.id, active: false }, st.adminSession);
    st.must('intake.zoneSave', { code: 'closed', name: '停用区', active: false }, st.adminSession);
    const zones = st.must('intake.zones', {}, st.adminSession);
    expect(zones.map((z) => [z.code, z.medical, z.active])).toEqual([
      ['men', false, true],
      ['women', false, true],
      ['minors', false, true],
      ['elderly', false, true],
      ['medical', true, true],
      ['closed', false, false],
    ]);
    expect(zones.find((z) => z.code === 'medical')!.beds.slice(0, 3)).toEqual([
      { id: first!.id, label: '医-01', active: true, occupied: true },
      { id: second!.id, label: '医-02', active: false, occupied: false },
      expect.objectContaining({ label: '医-03', active: true, occupied: false }),
    ]);
    expect(st.must('intake.beds', {}, desk).find((z) => z.code === 'medical')).toMatchObject({ medical: true, occupied: 1 });
    expect(st.must('intake.beds', {}, desk).map((z) => z.code)).not.toContain('closed');
  });

  it('while people are placed, none of the zone’s sex and age rules may change; an empty zone may change and close', () => {
    st = openStation();
    const desk = st.userWith(['front_desk'], 'desk');
    const zones = st.must('intake.zoneSave', { code: 'mid', name: '中年区', sex: 'male', minAge: 30, maxAge: 50 }, st.adminSession);
    const mid = zones.find((z) => z.code === 'mid')!.id;
    st.must('intake.bedsAdd', { zoneId: mid, labels: ['中-01'] }, st.adminSession);
    const base = { id: mid, code: 'mid', name: '中年区', sex: 'male' as const, minAge: 30, maxAge: 50 };
    // Empty: its rules may change and it may close, and open again.
    st.must('intake.zoneSave', { ...base, maxAge: 55 }, st.adminSession);
    st.must('intake.zoneSave', { ...base, active: false }, st.adminSession);
    st.must('intake.zoneSave', base, st.adminSession);
    const { stayId } = st.must('intake.register', { person: { name: '中年人', sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: st.clock.now() }, desk);
    st.must('intake.triage', { stayId, decision: 'admit' }, desk);
    st.must('intake.assignBed', { stayId, zoneId: mid }, desk);
    const before = contentHash(st.core);
    for (const change of [{ sex: 'female' as const }, { minAge: 31 }, { maxAge: 60 }, { active: false }]) {
      expect(refusal(st.call('intake.zoneSave', { ...base, ...change }, st.adminSession)), JSON.stringify(change)).toMatchObject({ code: 'CONFLICT', fields: { active: 'v.zoneOccupied' } });
    }
    expect(contentHash(st.core)).toBe(before);
  });

  it('refuses a duplicate code, a reversed age range and non-admins', () => {
    st = openStation();
    expect(err(st.call('intake.zoneSave', { code: 'men', name: '另一个男宿区' }, st.adminSession))).toContain('v.zoneCodeTaken');
    expect(err(st.call('intake.zoneSave', { code: 'teens', name: '青少年区', minAge: 17, maxAge: 12 }, st.adminSession))).toContain('v.ageRange');
    const desk = st.userWith(['front_desk', 'duty_leader'], 'desk');
    expect(err(st.call('intake.zoneSave', { code: 'teens', name: '青少年区' }, desk))).toMatch(/^FORBIDDEN/);
  });
});
