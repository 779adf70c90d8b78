import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../helpers';
import { openDesk, refusal, type Desk } from '../desk';

/**
 * Zoned placement (DOMAIN §1): one person a bed; a zone never holds more people than it has beds; the zone's sex and
 * age rules hold. Each limit on both sides, refusals by code and field, through the dispatcher.
 * The default zones (migration 0020): 1 men 18–59 (12 beds), 2 women 18–59, 3 minors 0–17, 4 elderly 60+, 5 medical (4 beds).
 */
let d: Desk;
afterEach(() => d?.st.close());

const MEN = 1;
const MINORS = 3;
const ELDERLY = 4;
const MEDICAL = 5;

const assign = (stayId: number, target: { zoneId?: number; bedId?: number }) => d.st.call('intake.assignBed', { stayId, ...target }, d.desk);
const bedsOf = (zoneId: number) => d.st.must('intake.beds', {}, d.desk).find((z) => z.id === zoneId)!.beds;

describe('a zone can never hold more people than its beds', () => {
  it('gives the last free bed, and refuses the next person with v.zoneFull (CONFLICT at bedId), changing nothing', () => {
    d = openDesk();
    for (let i = 1; i <= 3; i++) expect(assign(d.admitted({ name: `医${i}`, sex: 'male' }).stayId, { zoneId: MEDICAL }).ok).toBe(true);
    const last = d.admitted({ name: '第四人', sex: 'female' });
    expect(d.st.must('intake.assignBed', { stayId: last.stayId, zoneId: MEDICAL }, d.desk).bed).toMatchObject({ label: '医-04' });
    const fifth = d.admitted({ name: '第五人', sex: 'male' });
    const before = contentHash(d.st.core);
    expect(refusal(assign(fifth.stayId, { zoneId: MEDICAL }))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.zoneFull' }, detail: { zone: '医疗观察区', capacity: 4 } });
    expect(refusal(assign(fifth.stayId, { bedId: bedsOf(MEDICAL)[0]!.id }))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.zoneFull' } });
    expect(contentHash(d.st.core)).toBe(before);
  });

  it('counts only the beds in use: a bed taken out of use makes the zone full one person sooner', () => {
    d = openDesk();
    const free = bedsOf(MEDICAL)[3]!;
    d.st.must('intake.bedSetActive', { bedId: free.id, active: false }, d.st.adminSession);
    for (let i = 1; i <= 3; i++) expect(assign(d.admitted({ name: `医${i}`, sex: 'male' }).stayId, { zoneId: MEDICAL }).ok).toBe(true);
    expect(refusal(assign(d.admitted({ name: '第四人', sex: 'male' }).stayId, { zoneId: MEDICAL }))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.zoneFull' }, detail: { capacity: 3 } });
    expect(d.st.must('intake.board', {}, d.desk).zones.find((z) => z.id === MEDICAL)).toMatchObject({ beds: 3, occupied: 3 });
  });

  it('a client asking for another bed in their own full zone is told it is full (which zone, how many beds), and keeps their bed', () => {
    d = openDesk();
    const stays = [1, 2, 3, 4].map((i) => d.admitted({ name: `医${i}`, sex: 'male' }).stayId);
    for (const s of stays) expect(assign(s, { zoneId: MEDICAL }).ok).toBe(true);
    expect(refusal(assign(stays[0]!, { zoneId: MEDICAL }))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.zoneFull' }, detail: { zone: '医疗观察区', capacity: 4 } });
    expect(d.st.must('intake.get', { stayId: stays[0]! }, d.desk).bed).toMatchObject({ label: '医-01' });
    // With a bed free again, the same request moves them to it.
    d.st.must('intake.discharge', { stayId: stays[1]!, type: 'hospital', hospital: '区人民医院' }, d.desk);
    expect(d.st.must('intake.assignBed', { stayId: stays[0]!, zoneId: MEDICAL, reason: '靠窗' }, d.desk).bed).toMatchObject({ label: '医-02' });
  });
});

describe('one person a bed', () => {
  it('the bed list names who sleeps in each bed, and shows the others free', () => {
    d = openDesk();
    const him = d.admitted({ name: '男一', sex: 'male', estimatedAge: 30, description: '灰色外套' });
    const bed = d.st.must('intake.assignBed', { stayId: him.stayId, zoneId: MEN }, d.desk).bed!;
    const beds = bedsOf(MEN);
    expect(beds.find((b) => b.id === bed.bedId)!.occupant).toEqual({ stayId: him.stayId, personId: him.personId, name: '男一', description: '灰色外套' });
    expect(beds.filter((b) => b.occupant !== null)).toHaveLength(1);
  });

  it('refuses a bed someone sleeps in with v.bedTaken (CONFLICT at bedId) while the zone has room; a free bed is given', () => {
    d = openDesk();
    const [first, second] = [d.admitted({ name: '男一', sex: 'male', estimatedAge: 30 }), d.admitted({ name: '男二', sex: 'male', estimatedAge: 31 })];
    const [bed1, bed2] = bedsOf(MEN);
    expect(assign(first.stayId, { bedId: bed1!.id }).ok).toBe(true);
    const before = contentHash(d.st.core);
    expect(refusal(assign(second.stayId, { bedId: bed1!.id }))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.bedTaken' } });
    expect(contentHash(d.st.core)).toBe(before);
    expect(d.st.must('intake.assignBed', { stayId: second.stayId, bedId: bed2!.id }, d.desk).bed).toMatchObject({ bedId: bed2!.id });
    // Asking for the bed one is already in changes nothing.
    const stay = d.st.must('intake.get', { stayId: first.stayId }, d.desk);
    expect(d.st.must('intake.assignBed', { stayId: first.stayId, bedId: bed1!.id }, d.desk).events).toHaveLength(stay.events.length);
  });

  it('a chosen bed’s own zone rules apply, whatever zone the request names', () => {
    d = openDesk();
    const woman = d.admitted({ name: '女一', sex: 'female', estimatedAge: 30 });
    const menBed = bedsOf(MEN)[0]!;
    expect(refusal(assign(woman.stayId, { zoneId: 2, bedId: menBed.id }))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.zoneSex' } });
    expect(bedsOf(MEN)[0]!.occupant).toBeNull();
  });
});

describe('the zone’s age rules', () => {
  it('the men’s zone takes men aged 18 to 59: 17 is a minor, 60 is refused', () => {
    d = openDesk();
    const at = (age: number) => assign(d.admitted({ name: `男${age}`, sex: 'male', estimatedAge: age }).stayId, { zoneId: MEN });
    expect(refusal(at(17))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.zoneMinor' } });
    expect(at(18).ok).toBe(true);
    expect(at(59).ok).toBe(true);
    expect(refusal(at(60))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.zoneAge' } });
  });

  it('the minors’ zone takes 17 and refuses 18; the elderly zone takes 60 and refuses 59', () => {
    d = openDesk();
    const at = (age: number, zoneId: number) => assign(d.admitted({ name: `人${age}`, sex: 'female', estimatedAge: age }).stayId, { zoneId });
    expect(at(17, MINORS).ok).toBe(true);
    expect(refusal(at(18, MINORS))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.zoneAge' } });
    expect(refusal(at(59, ELDERLY))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.zoneAge' } });
    expect(at(60, ELDERLY).ok).toBe(true);
  });

  it('a zone with only an upper age takes up to it: a children’s zone up to 6 takes 6 and refuses 7', () => {
    d = openDesk();
    const zone = d.st.must('intake.zoneSave', { code: 'young', name: '幼童区', minAge: null, maxAge: 6 }, d.st.adminSession).find((z) => z.code === 'young')!;
    d.st.must('intake.bedsAdd', { zoneId: zone.id, labels: ['童-01', '童-02'] }, d.st.adminSession);
    const at = (age: number) => assign(d.admitted({ name: `童${age}`, sex: 'female', estimatedAge: age }).stayId, { zoneId: zone.id });
    expect(refusal(at(7))).toMatchObject({ code: 'CONFLICT', fields: { bedId: 'v.zoneAge' } });
    expect(at(6).ok).toBe(true);
  });

  it('a minor never goes to an adult zone, even one the station opened to ages from 16', () => {
    d = openDesk();
    const zones = d.st.must('intake.zoneSave', { code: 'youth', name: '青年区', minAge: 16, maxAge: 25 }, d.st.adminSession);
    const youth = zones.find((z) => z.code === 'youth')!.id;
    d.st.must('intake.bedsAdd', { zoneId: youth, labels: ['青-01', '青-02'] }, d.st.adminSession);
    // Not an adult zone (it starts below 18): its own range decides.
    expect(assign(d.admitted({ name: '十六岁', sex: 'male', estimatedAge: 16 }).stayId, { zoneId: youth }).ok).toBe(true);
    expect(refusal(assign(d.admitted({ name: '十五岁', sex: 'male', estimatedAge: 15 }).stayId, { zoneId: youth }))).toMatchObject({ fields: { bedId: 'v.zoneAge' } });
  });
});
