/**
 * Intake's planner: the station simulated in time order. Each arrival of the visit plan (visits.ts) registers a stay
 * and schedules what follows it (triage, hospital, the admitted stay, discharge) on one agenda; the planner runs
 * arrivals and scheduled steps in time order and hands each step to the writer as an op.
 */
import type { z } from 'zod';
import type { triageInput } from '../../../../shared/contract/intake';
import type { StationSettings } from '../../../../shared/contract/settings';
import { ageOn, type Condition } from '../../../../shared/domain/person';
import { CHANNEL_WEIGHTS, DAY, HOSPITALS, HOUR, MIN, POLICE_UNITS } from '../../demo/generate/data';
import { Rng, seedOf } from '../../demo/generate/random';
import type { DemoEnv } from '../../demo/generate/section';
import { deskOn, type Staff } from '../../demo/generate/staff';
import { Agenda, type Calendar } from '../../demo/generate/time';
import { familySearchDue } from '../stays';
import { planAdmittedStay } from './admitted-stay';
import { channelDetail, dischargeDetail } from './details';
import type { CustodyItemPlan, Op, PersonPlan, Sex, StayPlanner, StayTrack, ZonePlan } from './ops';
import { planPerson } from './person-plan';
import type { Visits } from './visits';

type Bed = ZonePlan['beds'][number];
type Decision = 'admit' | 'hospital' | 'police' | 'refuse';

export class IntakePlanner implements StayPlanner {
  private readonly agenda = new Agenda();
  private readonly persons = new Map<number, PersonPlan>();
  private readonly idsTaken = new Set<string>();
  private stayKeys = 0;
  /** Stays still open, by key. */
  private readonly open = new Set<number>();
  readonly staff: Staff;
  readonly settings: StationSettings;
  readonly cal: Calendar;
  private readonly now: number;
  private readonly seed: number;

  constructor(
    env: DemoEnv,
    readonly write: (op: Op) => void,
    private readonly zones: ZonePlan[],
    private readonly visits: Visits,
  ) {
    this.staff = env.staff;
    this.settings = env.settings;
    this.cal = env.calendar;
    this.now = env.now;
    this.seed = env.seed;
  }

  run(tick: (done: number, total: number) => void): void {
    const { visits } = this;
    let next = 0;
    for (;;) {
      const arrival = next < visits.count ? visits.at[next]! : Infinity;
      const stepAt = this.agenda.peek();
      if (arrival === Infinity && stepAt === Infinity) break;
      if (arrival <= stepAt) {
        this.arrive(next);
        next += 1;
        tick(next, visits.count);
      } else {
        this.agenda.pop()();
      }
    }
  }

  desk(t: number): number {
    return deskOn(this.staff, t);
  }

  ageAt(p: PersonPlan, t: number): number | null {
    return ageOn(this.cal.dayOf(t), { birthDate: p.birthDate, estimatedAge: p.estimatedAge, estimatedOn: p.estimatedOn });
  }

  /** Registration, and the triage that follows it; the rest of the stay by how triage decides. */
  private arrive(v: number): void {
    const { visits, now } = this;
    const key = this.stayKeys++;
    const r = new Rng(seedOf(this.seed, 3, key));
    const arrivedAt = visits.at[v]!;
    const personKey = visits.person[v]!;
    const nextAt = visits.nextAt[v]!;
    const registerAt = arrivedAt + r.int(2, 12) * MIN;
    if (registerAt > now) return;
    let person = this.persons.get(personKey);
    const isNew = !person;
    if (!person) {
      person = planPerson(this.seed, personKey, this.cal.dayOf(registerAt), visits.visitsOf[personKey]!, this.idsTaken);
      if (person.visits > 1) this.persons.set(personKey, person);
    }
    person.seen += 1;
    if (person.seen >= person.visits) this.persons.delete(personKey);
    const p = person;
    const owner = this.desk(registerAt);
    const channel = p.unknownIdentity && r.chance(0.5) ? r.weighted([['police', 40], ['outreach', 30], ['public_tip', 20], ['hospital', 10]] as const) : r.weighted(CHANNEL_WEIGHTS);
    const detail = channelDetail(r, channel, arrivedAt, this.staff.outreach);
    // The latest a stay may end: before the same person's next arrival; stays older than four weeks are over.
    const cap = Math.min(nextAt - 2 * HOUR, arrivedAt < now - 28 * DAY ? now - r.int(1, 12) * HOUR : Infinity);

    const triageAt = registerAt + r.int(5, 45) * MIN;
    const month = this.cal.month(arrivedAt);
    const age = this.ageAt(p, registerAt);
    const acute: Condition[] = [];
    if (r.chance(0.02)) acute.push('critically_ill');
    if (p.sex === 'female' && age !== null && age >= 18 && age <= 45 && r.chance(0.05)) acute.push('pregnant');
    const conditions = [...p.chronic, ...acute];
    const hot = month >= 6 && month <= 8 && r.chance(0.08);
    const temperatureC = hot ? r.int(378, 405) / 10 : r.chance(0.6) ? r.int(360, 372) / 10 : undefined;
    const minor = age !== null && age < 18;
    const decision: Decision = conditions.includes('critically_ill') || (temperatureC ?? 0) >= 39.5
      ? 'hospital'
      : minor
        ? 'admit'
        : r.weighted([['admit', 90], ['hospital', 2.5], ['police', 2], ['refuse', 5.5]] as const);

    const stay: StayTrack = {
      key,
      r,
      person: p,
      status: 'registered',
      bed: null,
      age,
      items: [],
      arrivedAt,
      owner,
      cap,
      at: (t, fn) => {
        if (t <= now) this.agenda.push(t, fn);
      },
      close: () => this.open.delete(key),
    };
    // The record is completed after triage at the first stay (when that is before now and before the stay ends).
    const completionAt = triageAt + r.int(20, 180) * MIN;
    const completion = isNew && p.completion && completionAt < cap && completionAt <= now ? { at: completionAt, fields: p.completion } : undefined;
    this.write({
      k: 'register',
      at: registerAt,
      actor: owner,
      stay: key,
      person: personKey,
      ...(isNew ? { newPerson: p.quick } : {}),
      ...(completion ? { completion } : {}),
      unknownIdentity: p.unknownIdentity,
      channel,
      channelDetail: detail,
      arrivedAt,
    });
    this.open.add(key);

    if (completion) stay.at(completion.at, () => this.write({ k: 'complete', at: completion.at, actor: this.desk(completion.at), person: personKey, fields: completion.fields }));
    if (p.unknownIdentity) this.familySearch(stay, registerAt);

    /** The triage form as the desk fills it in (drawn when the step runs). */
    const triageInputOf = (d: Decision, t: number): Omit<z.output<typeof triageInput>, 'stayId'> => ({
      decision: d,
      ...(temperatureC !== undefined ? { temperatureC } : {}),
      conditions,
      ...(d === 'refuse' ? { refusalReason: r.weighted([['refuses_safety_check', 20], ['refuses_information', 25], ['false_information', 15], ['can_pay', 15], ['demands_cash', 20], ['not_eligible', 5]] as const) } : {}),
      ...(d === 'hospital' ? { destination: r.pick(HOSPITALS) } : d === 'police' ? { destination: r.pick(POLICE_UNITS) } : {}),
      ...(d === 'police' ? { note: r.pick(['醉酒，情绪激动，有攻击行为', '疑似吸毒，交公安处置', '身份存疑，疑似在逃人员']) } : d === 'hospital' ? { note: hot ? '疑似中暑，体温过高' : r.pick(['高烧不退', '外伤出血', '呼吸困难', '意识模糊']) } : t % 7 === 0 ? { note: '情绪稳定' } : {}),
    });

    if (triageAt > Math.min(cap, now)) return; // still waiting for triage
    stay.at(triageAt, () => {
      this.write({ k: 'triage', at: triageAt, actor: this.desk(triageAt), stay: key, input: triageInputOf(decision, triageAt) });
      stay.status = { admit: 'in_station', hospital: 'at_hospital', police: 'handed_to_police', refuse: 'refused' }[decision];
      if (decision === 'police' || decision === 'refuse') stay.close();
    });
    if (decision === 'police' || decision === 'refuse') return;

    let admitAt = triageAt;
    let stayConditions = conditions;
    if (decision === 'hospital') {
      // Back from hospital and admitted, or the stay ends at the hospital.
      const back = r.chance(0.45) ? triageAt + r.int(20, 96) * HOUR : Infinity;
      if (back >= cap) return this.endsAtHospital(stay, triageAt, conditions);
      admitAt = back;
      stayConditions = conditions.filter((c) => c !== 'critically_ill');
      const input = { ...triageInputOf('admit', back), conditions: stayConditions };
      stay.at(back, () => {
        this.write({ k: 'triage', at: back, actor: this.desk(back), stay: key, input });
        stay.status = 'in_station';
      });
    }
    planAdmittedStay(this, stay, { admitAt, conditions: stayConditions, hot, medical: stayConditions.includes('critically_ill') || (temperatureC ?? 0) >= 38.5 });
  }

  /** Referred to hospital at triage and never back: the stay ends there, in the day, within ten days. */
  private endsAtHospital(stay: StayTrack, triageAt: number, conditions: Condition[]): void {
    const { r, cap } = stay;
    const end = Math.min(cap, triageAt + r.int(1, 10) * DAY + r.int(0, 8) * HOUR);
    const dischargeAt = this.daytime(r, end, triageAt + HOUR, cap);
    const type = r.weighted([
      ['hospital', 50],
      ['family_collected', 20],
      ['left_without_notice', 14],
      ['death', (stay.age ?? 0) >= 60 || conditions.includes('critically_ill') ? 8 : 1],
      ['other_agency', 5],
    ] as const);
    stay.at(dischargeAt, () => {
      this.write({ k: 'discharge', at: dischargeAt, actor: this.desk(dischargeAt), stay: stay.key, input: dischargeDetail(r, type, stay.age ?? null, dischargeAt, this.cal) });
      stay.close();
    });
  }

  /** Discharges happen in the day, between 8:00 and 18:00, never before `notBefore` nor after `cap`. */
  daytime(r: Rng, t: number, notBefore: number, cap: number): number {
    const start = this.cal.startOf(t);
    let d = start + r.int(8 * 60, 18 * 60) * MIN;
    if (d < notBefore) d = notBefore + r.int(10, 120) * MIN;
    return Math.min(d, Math.max(cap, notBefore));
  }

  /** Identity unknown: the notice, the DNA request and the notice's refresh, each done by the desk (or not) while the stay is open. */
  private familySearch(stay: StayTrack, registerAt: number): void {
    const { r, key, cap } = stay;
    const due = familySearchDue(this.settings, stay.arrivedAt);
    const notes = { notice: '已在全国救助寻亲网发布寻亲公告', dna_request: '已联系派出所采集DNA样本', notice_refresh: '寻亲公告已更新' };
    for (const [kind, dueAt] of due) {
      const p = kind === 'notice' ? 0.92 : kind === 'dna_request' ? 0.65 : 0.7;
      if (!r.chance(p)) continue;
      const t = kind === 'notice' ? registerAt + r.int(60, 20 * 60) * MIN : kind === 'dna_request' ? registerAt + r.int(1, 8) * DAY + r.int(0, 8) * HOUR : dueAt - r.int(-72, 48) * HOUR;
      if (t >= cap) continue;
      stay.at(t, () => {
        if (this.open.has(key)) this.write({ k: 'task', at: t, actor: this.desk(t), stay: key, kind, note: notes[kind] });
      });
    }
  }

  // -- beds --------------------------------------------------------------------------------------------

  /** The zone rules of assignBed: sex, age range, a minor never in an adult zone. */
  private fits(z: ZonePlan, sex: Sex, age: number | null): boolean {
    if (z.sex && z.sex !== sex) return false;
    if (z.minAge !== null || z.maxAge !== null) {
      if (age === null) return false;
      if (age < 18 && (z.minAge ?? 0) >= 18) return false;
      if ((z.minAge !== null && age < z.minAge) || (z.maxAge !== null && age > z.maxAge)) return false;
    }
    return true;
  }

  /** The first free bed that fits, in a medical zone first when `medical`; none free: the stay stays without a bed. */
  placeBed(stay: StayTrack, t: number, medical: boolean): void {
    if (stay.status !== 'in_station') return;
    const age = this.ageAt(stay.person, t);
    const order = [...this.zones].sort((a, b) => Number(b.medical === medical) - Number(a.medical === medical));
    for (const z of order) {
      if (!this.fits(z, stay.person.sex, age)) continue;
      const bed = z.beds.find((b) => b.stay === -1);
      if (!bed) continue;
      bed.stay = stay.key;
      stay.bed = bed;
      this.write({ k: 'bed', at: t, actor: this.desk(t), stay: stay.key, bedId: bed.id, label: bed.label, zone: z.name });
      return;
    }
  }

  freeBed(stay: StayTrack): void {
    if (stay.bed) stay.bed.stay = -1;
    stay.bed = null;
  }
}
