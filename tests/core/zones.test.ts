import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, openStation, type TestStation } from './helpers';

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
    expect(err(st.call('intake.bedsAdd', { zoneId: zone.id, labels: ['老女-01'] }, st.adminSession))).toContain('v.bedLabelTaken');
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
    expect(err(st.call('intake.bedSetActive', { bedId: bed.id, active: false }, st.adminSession))).toContain('v.bedOccupied');
    expect(contentHash(st.core)).toBe(before);
    // Renaming is fine; a free bed can be taken out of use and no longer counts.
    st.must('intake.zoneSave', { id: zone.id, code: 'old_women', name: '老年女性区', sex: 'female', minAge: 60 }, st.adminSession);
    const free = st.must('intake.zones', {}, st.adminSession).find((z) => z.id === zone.id)!.beds[1]!;
    st.must('intake.bedSetActive', { bedId: free.id, active: false }, st.adminSession);
    expect(st.must('intake.board', {}, desk).zones.find((z) => z.id === zone.id)).toMatchObject({ name: '老年女性区', beds: 1, occupied: 1 });
  });

  it('refuses a duplicate code, a reversed age range and non-admins', () => {
    st = openStation();
    expect(err(st.call('intake.zoneSave', { code: 'men', name: '另一个男宿区' }, st.adminSession))).toContain('v.zoneCodeTaken');
    expect(err(st.call('intake.zoneSave', { code: 'teens', name: '青少年区', minAge: 17, maxAge: 12 }, st.adminSession))).toContain('v.ageRange');
    const desk = st.userWith(['front_desk', 'duty_leader'], 'desk');
    expect(err(st.call('intake.zoneSave', { code: 'teens', name: '青少年区' }, desk))).toMatch(/^FORBIDDEN/);
  });
});
