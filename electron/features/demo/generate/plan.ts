/** The planner: the station simulated in time order, as a list of operations for a writer. */
import type { z } from 'zod';
import { dischargeInput, registerInput, triageInput, type DischargeType } from '../../../../shared/contract/intake';
import type { StationSettings } from '../../../../shared/contract/settings';
import { ageOn, type ArrivalChannel, type Condition } from '../../../../shared/domain/person';
import { dayStart, stationDay } from '../../../../shared/domain/time';
import { familySearchDue } from '../../intake/stays';
import { type PersonFields } from '../../people/service';
import { AGENCIES, BUILDS, CHANNEL_WEIGHTS, CITY_UNITS, CLOTHING, DAY, FEATURES, FOSTER_HOMES, HOSPITALS, HOUR, HOUR_PICK, MIN, OTHER_STATIONS, POLICE_UNITS, REGION_PICK, RELATIONS, RESIDENCES, SURNAME_PICK, StationSize, TIPSTERS, TRAINS, fullName, givenName, idNumberFor, phone, seasonOf } from './data';
import { Rng, Weighted, seedOf } from './random';

export type Sex = 'male' | 'female';
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type DischargePlan = DistributiveOmit<z.output<typeof dischargeInput>, 'stayId'>;
export type RegisterPerson = NonNullable<z.output<typeof registerInput>['person']>;
export type Completion = Pick<
  PersonFields,
  'hukouPlace' | 'residence' | 'benefits' | 'dialect' | 'heightCm' | 'build' | 'features' | 'clothing' | 'fieldStates'
>;

export interface PersonPlan {
  key: number;
  /** What the desk types at the first registration. */
  quick: RegisterPerson;
  /** Filled in after triage at the first stay; undefined: the record stays incomplete. */
  completion?: Completion;
  sex: Sex;
  /** As the record will hold them: from the ID, stated, or estimated on `estimatedOn`. */
  birthDate: string | null;
  estimatedAge: number | null;
  estimatedOn: string | null;
  unknownIdentity: boolean;
  chronic: Condition[];
  visits: number;
  seen: number;
}

/** The station's staff as the planner uses them. */
export interface Staff {
  desk: { id: number; name: string }[];
  leaders: { id: number; name: string }[];
  outreach: string[];
  admin: { id: number; name: string };
  dayZero: number;
}

export interface ZonePlan {
  id: number;
  code: string;
  name: string;
  sex: Sex | null;
  minAge: number | null;
  maxAge: number | null;
  medical: boolean;
  beds: { id: number; label: string; stay: number }[];
}

/** A step handed to a writer. `stay` and `person` are the planner's keys; writers map them to row ids. */
export type Op =
  | {
      k: 'register';
      at: number;
      actor: number;
      stay: number;
      person: number;
      newPerson?: RegisterPerson;
      /** For the bulk writer: the final person row (completion included when it happens before `now`). */
      completion?: { at: number; fields: Completion };
      unknownIdentity: boolean;
      channel: ArrivalChannel;
      channelDetail: z.output<typeof registerInput>['channelDetail'];
      arrivedAt: number;
    }
  | { k: 'complete'; at: number; actor: number; person: number; fields: Completion }
  | { k: 'triage'; at: number; actor: number; stay: number; input: Omit<z.output<typeof triageInput>, 'stayId'> }
  | { k: 'bed'; at: number; actor: number; stay: number; bedId: number; label: string; zone: string }
  | { k: 'safety'; at: number; actor: number; witness: number; stay: number; findings: string; disposition: string }
  | { k: 'custody'; at: number; actor: number; witness: number; stay: number; items: CustodyItemPlan[] }
  | { k: 'settle'; at: number; actor: number; stay: number; item: number; description: string; kind: 'returned' | 'disposed' | 'handed_over'; reason?: string }
  | { k: 'service'; at: number; actor: number; stay: number; kind: string; note: string }
  | { k: 'extend'; at: number; actor: number; stay: number; days: number; reason: string }
  | { k: 'task'; at: number; actor: number; stay: number; kind: 'notice' | 'dna_request' | 'notice_refresh'; note: string }
  | { k: 'offer'; at: number; actor: number; stay: number; to: number; note?: string }
  | { k: 'answer'; at: number; actor: number; stay: number; accept: boolean }
  | { k: 'discharge'; at: number; actor: number; stay: number; input: DischargePlan };

export interface CustodyItemPlan {
  description: string;
  quantity: number;
  cashFen: number;
  storagePlace: string;
}

export interface SizeConfig {
  /** demo: persons whose latest visit falls in the window; bench: persons whose first visit does. */
  persons: number;
  minStays: number;
  windowDays: number;
  repeatShare: number;
  /** Extra beds per zone code (the benchmark's station is a big city station). */
  beds: Partial<Record<string, number>>;
  chunk: number;
}

export const SIZES: Record<StationSize, SizeConfig> = {
  demo: { persons: 78, minStays: 0, windowDays: 14, repeatShare: 0.25, beds: {}, chunk: Infinity },
  bench: {
    persons: 200_000,
    minStays: 505_000,
    windowDays: 3652,
    repeatShare: 0.5,
    beds: { men: 300, women: 110, minors: 24, elderly: 110, medical: 36 },
    chunk: 25_000,
  },
};

/** Summer and winter bring more people in (the cooling and the cold-weather campaigns). */
export function seasonWeight(month: number): number {
  return [1.35, 1.25, 0.95, 0.8, 0.85, 1.05, 1.35, 1.4, 1.0, 0.8, 0.95, 1.3][month - 1]!;
}

export interface Visits {
  at: Float64Array;
  person: Int32Array;
  /** The same person's next arrival (Infinity: none). */
  nextAt: Float64Array;
  count: number;
  persons: number;
  visitsOf: Int32Array;
}

/**
 * Phase one: who comes when. Every visit is fixed before the simulation, so a stay can be closed in time for
 * the same person's next arrival.
 */
export function planVisits(cfg: SizeConfig, size: StationSize, now: number, seed: number, tz: string): Visits {
  const r = new Rng(seedOf(seed, 1));
  const windowStart = dayStart(stationDay(now - cfg.windowDays * DAY, tz), tz);
  const days: number[] = [];
  const weights: number[] = [];
  for (let d = windowStart; d < now; d = dayStart(stationDay(d + DAY + 2 * HOUR, tz), tz)) {
    days.push(d);
    weights.push(seasonWeight(Number(stationDay(d, tz).slice(5, 7))));
  }
  const dayPick = new Weighted(
    days.map((_, i) => i),
    (i) => weights[i]!,
  );
  const timeOn = (dayIndex: number) => days[dayIndex]! + HOUR_PICK.pick(r) * HOUR + r.int(0, 59) * MIN + r.int(0, 59) * 1000;
  const list: number[][] = [];
  let total = 0;
  const latest = now - 10 * MIN;
  for (let p = 0; p < cfg.persons || total < cfg.minStays; p++) {
    const repeat = r.chance(cfg.repeatShare);
    const k = repeat ? r.weighted([[2, 30], [3, 25], [4, 20], [5, 14], [6, 11]] as const) : 1;
    const times: number[] = [];
    if (size === 'demo') {
      // The latest visit is in the fortnight; earlier ones go back months.
      let t = timeOn(r.int(0, days.length - 1));
      if (t > latest) t = latest - r.int(20, 600) * MIN;
      times.push(t);
      for (let i = 1; i < k; i++) times.unshift(times[0]! - (r.int(20, 200) * DAY + r.int(0, 23) * HOUR));
    } else {
      let t = timeOn(dayPick.pick(r));
      for (let i = 0; i < k && t < latest; i++) {
        times.push(t);
        t += Math.round((5 + r.exp(110)) * DAY) + (r.int(0, 23) - 12) * HOUR;
      }
      if (t >= latest && times.length === 0) continue;
    }
    list.push(times);
    total += times.length;
  }
  const at = new Float64Array(total);
  const person = new Int32Array(total);
  const nextAt = new Float64Array(total);
  const visitsOf = new Int32Array(list.length);
  let n = 0;
  list.forEach((times, p) => {
    visitsOf[p] = times.length;
    times.forEach((t, i) => {
      at[n] = t;
      person[n] = p;
      nextAt[n] = times[i + 1] ?? Infinity;
      n += 1;
    });
  });
  const order = new Uint32Array(total).map((_, i) => i).sort((a, b) => at[a]! - at[b]! || a - b);
  return {
    at: Float64Array.from(order, (i) => at[i]!),
    person: Int32Array.from(order, (i) => person[i]!),
    nextAt: Float64Array.from(order, (i) => nextAt[i]!),
    count: total,
    persons: list.length,
    visitsOf,
  };
}

/** A min-heap of timed steps; ties keep the order they were scheduled in. */
export class Agenda {
  private readonly items: { at: number; seq: number; run: () => void }[] = [];
  private seq = 0;
  get size() {
    return this.items.length;
  }
  peek(): number {
    return this.items[0]?.at ?? Infinity;
  }
  push(at: number, run: () => void): void {
    const items = this.items;
    const item = { at, seq: this.seq++, run };
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(item, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = item;
  }
  pop(): () => void {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= items.length) break;
        const c = l + 1 < items.length && this.less(items[l + 1]!, items[l]!) ? l + 1 : l;
        if (!this.less(items[c]!, last)) break;
        items[i] = items[c]!;
        i = c;
      }
      items[i] = last;
    }
    return top.run;
  }
  private less(a: { at: number; seq: number }, b: { at: number; seq: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}

/**
 * The station calendar, computed once for the whole period (the planner asks for days millions of times, in no
 * particular order, and time-zone arithmetic is slow); outside the period it asks date-fns.
 */
export class Calendar {
  private readonly starts: number[] = [];
  private readonly days: string[] = [];
  private last = 0;
  constructor(
    private readonly tz: string,
    from: number,
    to: number,
  ) {
    for (let d = dayStart(stationDay(from, tz), tz); d <= to; d = dayStart(stationDay(d + DAY + 2 * HOUR, tz), tz)) {
      this.starts.push(d);
      this.days.push(stationDay(d, tz));
    }
  }
  private index(t: number): number {
    const s = this.starts;
    const i = this.last;
    if (i + 1 < s.length && t >= s[i]! && t < s[i + 1]!) return i;
    if (s.length < 2 || t < s[0]! || t >= s[s.length - 1]!) return -1;
    let lo = 0;
    let hi = s.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return (this.last = lo);
  }
  dayOf(t: number): string {
    const i = this.index(t);
    return i < 0 ? stationDay(t, this.tz) : this.days[i]!;
  }
  startOf(t: number): number {
    const i = this.index(t);
    return i < 0 ? dayStart(stationDay(t, this.tz), this.tz) : this.starts[i]!;
  }
  month(t: number): number {
    return Number(this.dayOf(t).slice(5, 7));
  }
}

export class Planner {
  private readonly agenda = new Agenda();
  private readonly persons = new Map<number, PersonPlan>();
  private readonly idsTaken = new Set<string>();
  private stayKeys = 0;
  /** For the report: what is still open at `now`. */
  readonly open = new Map<number, { status: string; bed: boolean }>();
  counts = { persons: 0, stays: 0 };

  constructor(
    private readonly write: (op: Op) => void,
    private readonly now: number,
    private readonly seed: number,
    private readonly settings: StationSettings,
    private readonly staff: Staff,
    private readonly zones: ZonePlan[],
    private readonly visits: Visits,
    private readonly cal: Calendar,
  ) {}

  run(onProgress: ((done: number, total: number) => void) | undefined, chunk: number, commit: () => void): void {
    const { visits } = this;
    let next = 0;
    let sinceCommit = 0;
    for (;;) {
      const arrival = next < visits.count ? visits.at[next]! : Infinity;
      const stepAt = this.agenda.peek();
      if (arrival === Infinity && stepAt === Infinity) break;
      if (arrival <= stepAt) {
        this.arrive(next);
        next += 1;
        if (++sinceCommit >= chunk) {
          commit();
          sinceCommit = 0;
        }
        if (onProgress && (next % 1000 === 0 || next === visits.count)) onProgress(next, visits.count);
      } else {
        this.agenda.pop()();
      }
    }
  }

  // -- people ------------------------------------------------------------------------------------------

  private newPerson(key: number, arrivedAt: number, registerAt: number): PersonPlan {
    const r = new Rng(seedOf(this.seed, 2, key));
    const today = this.cal.dayOf(registerAt);
    const year = Number(today.slice(0, 4));
    const sex: Sex = r.chance(0.72) ? 'male' : 'female';
    const group = r.weighted([['minor', 6], ['adult', 70], ['elderly', 24]] as const);
    const age = group === 'minor' ? r.int(8, 17) : group === 'elderly' ? r.int(60, 88) : r.int(18, 59);
    const born = `${year - age - (r.chance(0.5) ? 1 : 0)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const birthDate = born > today ? `${year - age - 1}${born.slice(4)}` : born;
    const unknownIdentity = r.chance(group === 'elderly' ? 0.13 : 0.09);
    const chronic: Condition[] = [];
    if (r.chance(unknownIdentity ? 0.25 : 0.04)) chronic.push('mental_disorder');
    else if (r.chance(unknownIdentity ? 0.15 : 0.03)) chronic.push('intellectual_disability');
    if (r.chance(group === 'elderly' ? 0.07 : 0.025)) chronic.push('severe_disability');
    const region = REGION_PICK.pick(r);
    const season = seasonOf(Number(today.slice(5, 7)));
    const clothing = r.pick(CLOTHING[season][sex]);
    const build = r.pick(BUILDS);
    const heightCm = sex === 'male' ? r.int(155, 182) : r.int(145, 168);
    const plan: PersonPlan = {
      key,
      quick: {},
      sex,
      birthDate: null,
      estimatedAge: null,
      estimatedOn: null,
      unknownIdentity,
      chronic,
      visits: this.visits.visitsOf[key]!,
      seen: 0,
    };
    if (unknownIdentity) {
      const estimate = age < 18 ? age : Math.max(18, Math.round(age / 5) * 5);
      const feature = r.pick(FEATURES);
      const speech = chronic.includes('mental_disorder') ? '，言语混乱，说不清姓名和住址' : chronic.includes('intellectual_disability') ? '，反应迟缓，无法准确表达' : '，不愿透露姓名';
      const ageKnown = r.chance(0.96);
      plan.quick = {
        sex,
        ...(ageKnown ? { estimatedAge: estimate } : {}),
        description: `${sex === 'male' ? '男' : '女'}，${ageKnown ? `约${estimate}岁` : '年龄不详'}，${build}，身高约${Math.round(heightCm / 5) * 5}厘米，身穿${clothing}，${feature}${speech}`,
      };
      if (ageKnown) {
        plan.estimatedAge = estimate;
        plan.estimatedOn = today;
      }
      if (r.chance(0.75)) {
        const dialectHeard = r.chance(0.5);
        plan.completion = {
          ...(dialectHeard ? { dialect: `口音似${region[2]}` } : {}),
          heightCm,
          build,
          features: feature,
          clothing,
          fieldStates: {
            name: 'unknown',
            idNumber: 'unknown',
            hukouPlace: 'unknown',
            residence: 'unknown',
            benefits: 'unknown',
            ...(dialectHeard ? {} : { dialect: 'unknown' }),
            ...(ageKnown ? {} : { birth: 'unknown' }),
          },
        };
      }
      return plan;
    }
    const name = SURNAME_PICK.pick(r) + givenName(r, sex, Number(birthDate.slice(0, 4)));
    const idKind = r.weighted([
      ['id18', group === 'minor' ? 40 : 60],
      ['id15', group !== 'minor' && Number(birthDate.slice(0, 4)) <= 1980 ? 8 : 0],
      ['none', 35],
    ] as const);
    let idNumber: string | undefined;
    if (idKind !== 'none') {
      let id = idNumberFor(r, region[0], birthDate, sex);
      for (let i = 0; this.idsTaken.has(id) && i < 50; i++) id = idNumberFor(r, region[0], birthDate, sex);
      if (!this.idsTaken.has(id)) {
        this.idsTaken.add(id);
        // A legacy 15-digit card: region, 2-digit year, month, day, sequence; converted on save.
        idNumber = idKind === 'id15' ? id.slice(0, 6) + id.slice(8, 17) : id;
      }
    }
    if (idNumber) {
      plan.quick = { name, idNumber };
      plan.birthDate = birthDate;
    } else if (r.chance(0.4)) {
      plan.quick = { name, sex, birthDate };
      plan.birthDate = birthDate;
    } else {
      plan.quick = { name, sex, estimatedAge: age };
      plan.estimatedAge = age;
      plan.estimatedOn = today;
    }
    if (r.chance(0.85)) {
      const refusesHukou = r.chance(0.05);
      const benefits = group === 'elderly' ? r.weighted([['none', 70], ['dibao', 18], ['wubao', 12]] as const) : r.weighted([['none', 88], ['dibao', 12]] as const);
      plan.completion = {
        ...(refusesHukou ? {} : { hukouPlace: region[1] }),
        residence: r.pick(RESIDENCES),
        benefits,
        dialect: region[2],
        ...(r.chance(0.6) ? { heightCm } : {}),
        ...(r.chance(0.5) ? { build } : {}),
        ...(r.chance(0.15) ? { features: r.pick(FEATURES) } : {}),
        ...(r.chance(0.4) ? { clothing } : {}),
        fieldStates: {
          ...(idNumber ? {} : { idNumber: r.chance(0.6) ? 'unknown' : 'refused' }),
          ...(refusesHukou ? { hukouPlace: 'refused' } : {}),
        },
      };
    }
    return plan;
  }

  private ageAt(p: PersonPlan, t: number): number | null {
    return ageOn(this.cal.dayOf(t), { birthDate: p.birthDate, estimatedAge: p.estimatedAge, estimatedOn: p.estimatedOn });
  }

  // -- staff on duty -----------------------------------------------------------------------------------

  private shift(t: number): number {
    return Math.floor((t - this.staff.dayZero) / (12 * HOUR));
  }
  private desk(t: number): number {
    const d = this.staff.desk;
    return d[(((this.shift(t) % d.length) + d.length) % d.length)]!.id;
  }
  /** A second staff member on the same shift, or none when the station has only one. */
  private witness(t: number, actor: number): number | null {
    const d = this.staff.desk;
    const s = ((this.shift(t) % d.length) + d.length) % d.length;
    for (const cand of [d[(s + 1) % d.length], ...this.staff.leaders]) if (cand && cand.id !== actor) return cand.id;
    return null;
  }
  private leader(t: number): number {
    const l = this.staff.leaders.length ? this.staff.leaders : this.staff.desk;
    const day = Math.floor((t - this.staff.dayZero) / DAY);
    return l[((day % l.length) + l.length) % l.length]!.id;
  }
  private otherDesk(t: number, actor: number): number | null {
    const others = this.staff.desk.filter((d) => d.id !== actor);
    return others.length ? others[Math.floor(t / HOUR) % others.length]!.id : null;
  }

  // -- one stay ----------------------------------------------------------------------------------------

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
      person = this.newPerson(personKey, arrivedAt, registerAt);
      if (person.visits > 1) this.persons.set(personKey, person);
      this.counts.persons += 1;
    }
    person.seen += 1;
    if (person.seen >= person.visits) this.persons.delete(personKey);
    this.counts.stays += 1;
    const p = person;
    const owner = this.desk(registerAt);
    const channel = p.unknownIdentity && r.chance(0.5) ? r.weighted([['police', 40], ['outreach', 30], ['public_tip', 20], ['hospital', 10]] as const) : r.weighted(CHANNEL_WEIGHTS);
    const channelDetail = this.channelDetail(r, channel, arrivedAt);
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
    const decision: 'admit' | 'hospital' | 'police' | 'refuse' = conditions.includes('critically_ill') || (temperatureC ?? 0) >= 39.5
      ? 'hospital'
      : minor
        ? 'admit'
        : r.weighted([['admit', 90], ['hospital', 2.5], ['police', 2], ['refuse', 5.5]] as const);

    const stay = { key, person: p, status: 'registered' as string, bed: null as ZonePlan['beds'][number] | null, age, items: [] as CustodyItemPlan[] };
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
      channelDetail,
      arrivedAt,
    });
    this.open.set(key, { status: 'registered', bed: false });
    const at = (t: number, fn: () => void) => {
      if (t <= now) this.agenda.push(t, fn);
    };
    const closeOpen = () => this.open.delete(key);

    if (completion) at(completion.at, () => this.write({ k: 'complete', at: completion.at, actor: this.desk(completion.at), person: personKey, fields: completion.fields }));
    if (p.unknownIdentity) this.familySearch(r, key, registerAt, arrivedAt, cap, at);

    const triageInputOf = (d: typeof decision, t: number): Omit<z.output<typeof triageInput>, 'stayId'> => ({
      decision: d,
      ...(temperatureC !== undefined ? { temperatureC } : {}),
      conditions,
      ...(d === 'refuse' ? { refusalReason: r.weighted([['refuses_safety_check', 20], ['refuses_information', 25], ['false_information', 15], ['can_pay', 15], ['demands_cash', 20], ['not_eligible', 5]] as const) } : {}),
      ...(d === 'hospital' ? { destination: r.pick(HOSPITALS) } : d === 'police' ? { destination: r.pick(POLICE_UNITS) } : {}),
      ...(d === 'police' ? { note: r.pick(['醉酒，情绪激动，有攻击行为', '疑似吸毒，交公安处置', '身份存疑，疑似在逃人员']) } : d === 'hospital' ? { note: hot ? '疑似中暑，体温过高' : r.pick(['高烧不退', '外伤出血', '呼吸困难', '意识模糊']) } : t % 7 === 0 ? { note: '情绪稳定' } : {}),
    });

    if (triageAt > Math.min(cap, now)) return; // still waiting for triage
    at(triageAt, () => {
      this.write({ k: 'triage', at: triageAt, actor: this.desk(triageAt), stay: key, input: triageInputOf(decision, triageAt) });
      stay.status = { admit: 'in_station', hospital: 'at_hospital', police: 'handed_to_police', refuse: 'refused' }[decision];
      if (decision === 'police' || decision === 'refuse') closeOpen();
      else this.open.set(key, { status: stay.status, bed: false });
    });
    if (decision === 'police' || decision === 'refuse') return;

    let admitAt = triageAt;
    let fromHospital = false;
    let stayConditions = conditions;
    if (decision === 'hospital') {
      // Back from hospital and admitted, or the stay ends at the hospital.
      if (r.chance(0.45)) {
        admitAt = triageAt + r.int(20, 96) * HOUR;
        const back = admitAt;
        if (back < cap) {
          stayConditions = conditions.filter((c) => c !== 'critically_ill');
          const input = { ...triageInputOf('admit', back), conditions: stayConditions };
          at(back, () => {
            this.write({ k: 'triage', at: back, actor: this.desk(back), stay: key, input });
            stay.status = 'in_station';
            this.open.set(key, { status: 'in_station', bed: false });
          });
        } else fromHospital = true;
      } else fromHospital = true;
    }
    if (fromHospital) {
      const end = Math.min(cap, triageAt + r.int(1, 10) * DAY + r.int(0, 8) * HOUR);
      const dischargeAt = this.daytime(r, end, triageAt + HOUR, cap);
      const type = r.weighted([
        ['hospital', 50],
        ['family_collected', 20],
        ['left_without_notice', 14],
        ['death', (age ?? 0) >= 60 || conditions.includes('critically_ill') ? 8 : 1],
        ['other_agency', 5],
      ] as const);
      at(dischargeAt, () => {
        this.write({ k: 'discharge', at: dischargeAt, actor: this.desk(dischargeAt), stay: key, input: this.dischargeDetail(r, type, stay.age ?? null, dischargeAt) });
        closeOpen();
      });
      return;
    }

    // Admitted: placed, checked, belongings, services, then discharged.
    const exempt = (age !== null && age < 16) || stayConditions.includes('mental_disorder') || stayConditions.includes('intellectual_disability');
    const u = r.next();
    const days = exempt
      ? u < 0.3 ? 1 + r.exp(2) : u < 0.8 ? 3 + r.exp(8) : 15 + r.exp(25)
      : u < 0.42 ? 0.3 + r.next() * 0.9 : u < 0.76 ? 1.5 + r.next() * 2.5 : u < 0.93 ? 4 + r.next() * 5 : 9.5 + r.exp(5);
    const bedAt = admitAt + r.int(5, 30) * MIN;
    const dischargeAt = this.daytime(r, Math.min(cap, arrivedAt + Math.round(days * DAY)), bedAt + 30 * MIN, cap);
    const settleAt = dischargeAt - r.int(5, 25) * MIN;
    /** A step of the admitted stay: only while it is open. */
    const inStay = (t: number, fn: () => void) => {
      if (t > admitAt && t < settleAt) at(t, fn);
    };
    at(bedAt, () => this.placeBed(stay, bedAt, stayConditions.includes('critically_ill') || (temperatureC ?? 0) >= 38.5));
    if (r.chance(0.7)) {
      const safetyAt = admitAt + r.int(2, 15) * MIN;
      const actor = this.desk(safetyAt);
      const witness = this.witness(safetyAt, actor);
      if (witness !== null) {
        const [findings, disposition] = r.weighted([
          [['未发现危险物品', '无'], 70],
          [['随身携带水果刀一把', '暂存保管，离站时归还'], 10],
          [['打火机两个', '暂存保管'], 12],
          [['随身携带管制刀具一把', '已移交派出所'], 3],
          [['携带不明药品若干', '交医务室核查后保管'], 5],
        ] as const);
        inStay(safetyAt, () => this.write({ k: 'safety', at: safetyAt, actor, witness, stay: key, findings, disposition }));
      }
    }
    if (r.chance(0.35)) {
      const custodyAt = admitAt + r.int(16, 30) * MIN;
      const actor = this.desk(custodyAt);
      const witness = this.witness(custodyAt, actor);
      if (witness !== null && custodyAt < settleAt) {
        const items: CustodyItemPlan[] = [];
        const n = r.weighted([[1, 50], [2, 35], [3, 15]] as const);
        const pool = ['手机', '身份证', '现金', '背包', '行李箱', '银行卡', '老人机', '药品（降压药）', '衣物', '户口本复印件', '手表'];
        for (let i = 0; i < n; i++) {
          const description = r.pick(pool);
          if (items.some((x) => x.description === description)) continue;
          items.push({
            description,
            quantity: description === '衣物' ? r.int(2, 6) : 1,
            cashFen: description === '现金' ? r.int(5, 500) * 100 + r.pick([0, 50]) : 0,
            storagePlace: description === '现金' || description === '银行卡' ? '保险柜' : `物品柜${r.pick(['A', 'B', 'C'])}-${String(r.int(1, 40)).padStart(2, '0')}`,
          });
        }
        stay.items = items;
        inStay(custodyAt, () => this.write({ k: 'custody', at: custodyAt, actor, witness, stay: key, items }));
      }
    }
    // Services during the stay.
    const during = (from: number) => from + Math.round(r.next() * Math.max(0, dischargeAt - from - HOUR));
    if (r.chance(0.25)) {
      const t = during(bedAt + HOUR);
      inStay(t, () => this.write({ k: 'service', at: t, actor: this.desk(t), stay: key, kind: 'family_call', note: r.pick(['协助拨打家属电话', '联系户籍地村委会', '家属电话无人接听，次日再联系']) }));
    }
    if (hot || stayConditions.length || r.chance(0.12)) {
      const t = during(bedAt + 10 * MIN);
      const note = hot ? '发放藿香正气水，物理降温' : stayConditions.includes('pregnant') ? '孕期检查，联系妇幼保健院' : r.pick(['测量血压，发放降压药', '伤口换药', '感冒，发放感冒药', '站内医生巡诊']);
      inStay(t, () => this.write({ k: 'service', at: t, actor: this.desk(t), stay: key, kind: 'medical', note }));
    }
    if (r.chance(0.06)) {
      const t = during(bedAt + 2 * HOUR);
      inStay(t, () => this.write({ k: 'service', at: t, actor: this.desk(t), stay: key, kind: 'note', note: r.pick(['情绪稳定，饮食正常', '夜间睡眠差，已安抚', '与同室人员发生口角，已调解']) }));
    }
    if (dischargeAt - arrivedAt > 1.5 * DAY && r.chance(0.03)) {
      const t = during(bedAt + HOUR);
      const to = this.otherDesk(t, owner);
      if (to !== null && t < settleAt - 2 * HOUR) {
        // First-contact responsibility passes only when the other staff member accepts; the owner offers it.
        const offerAt = t;
        const answerAt = t + r.int(1, 6) * HOUR;
        inStay(offerAt, () => this.write({ k: 'offer', at: offerAt, actor: owner, stay: key, to, note: '交班移交' }));
        if (answerAt < settleAt) {
          const accept = r.chance(0.85);
          inStay(answerAt, () => {
            this.write({ k: 'answer', at: answerAt, actor: to, stay: key, accept });
          });
        }
      }
    }
    // Over the stay limit: a duty leader's extension, with a reason.
    if (!exempt) {
      let limitDay = this.settings.stayLimitDays;
      const lastDay = Math.floor((this.cal.startOf(dischargeAt) - this.cal.startOf(arrivedAt)) / DAY) + 1;
      while (lastDay >= limitDay && r.chance(0.93)) {
        const t = this.cal.startOf(arrivedAt) + (limitDay - 2) * DAY + 10 * HOUR + r.int(0, 120) * MIN;
        if (t >= settleAt || t <= bedAt) break;
        const extDays = r.int(5, 10);
        const reason = r.pick(['等待家属从外省赶来接回', '病情未稳定，需继续观察', '等待托养机构床位', '寻亲有线索，等待核实', '等待户籍地救助站接收']);
        inStay(t, () => this.write({ k: 'extend', at: t, actor: this.leader(t), stay: key, days: extDays, reason }));
        limitDay += extDays;
      }
    }
    // Discharge: belongings settled first, a ticket bought for those going home.
    const type = this.pickDischarge(r, this.ageAt(p, dischargeAt), stayConditions, dischargeAt - arrivedAt);
    if (type === 'return_home' && r.chance(0.8)) {
      const t = dischargeAt - r.int(60, 240) * MIN;
      if (t > bedAt) inStay(t, () => this.write({ k: 'service', at: t, actor: this.desk(t), stay: key, kind: 'ticket', note: `购买返乡车票 ${r.pick(TRAINS)}${r.int(100, 9999)}次` }));
    }
    at(settleAt, () => {
      stay.items.forEach((item, i) => {
        const t = settleAt + i * 1000;
        const kind = type === 'left_without_notice' || type === 'death' || type === 'foster_care' || type === 'hospital' || type === 'other_agency' ? (item.description === '衣物' && type === 'left_without_notice' ? 'disposed' : 'handed_over') : 'returned';
        const reason =
          kind === 'returned'
            ? undefined
            : kind === 'disposed'
              ? '无保存价值，两人在场处置'
              : { left_without_notice: '转入遗留物品登记保管', death: '移交家属及公安机关', foster_care: '随人移交托养机构', hospital: '随人移交医院', other_agency: '随人移交接收机构' }[type as 'death'];
        this.write({ k: 'settle', at: t, actor: this.desk(t), stay: key, item: i, description: item.description, kind, ...(reason ? { reason } : {}) });
      });
    });
    at(dischargeAt, () => {
      this.write({ k: 'discharge', at: dischargeAt, actor: this.desk(dischargeAt), stay: key, input: this.dischargeDetail(r, type, this.ageAt(p, dischargeAt), dischargeAt) });
      if (stay.bed) this.freeBed(stay.bed);
      stay.bed = null;
      closeOpen();
    });
  }

  /** Discharges happen in the day, between 8:00 and 18:00, never before `notBefore` nor after `cap`. */
  private daytime(r: Rng, t: number, notBefore: number, cap: number): number {
    const start = this.cal.startOf(t);
    let d = start + r.int(8 * 60, 18 * 60) * MIN;
    if (d < notBefore) d = notBefore + r.int(10, 120) * MIN;
    return Math.min(d, Math.max(cap, notBefore));
  }

  private familySearch(r: Rng, key: number, registerAt: number, arrivedAt: number, cap: number, at: (t: number, fn: () => void) => void): void {
    const due = familySearchDue(this.settings, arrivedAt);
    const notes = { notice: '已在全国救助寻亲网发布寻亲公告', dna_request: '已联系派出所采集DNA样本', notice_refresh: '寻亲公告已更新' };
    for (const [kind, dueAt] of due) {
      const p = kind === 'notice' ? 0.92 : kind === 'dna_request' ? 0.65 : 0.7;
      if (!r.chance(p)) continue;
      const t = kind === 'notice' ? registerAt + r.int(60, 20 * 60) * MIN : kind === 'dna_request' ? registerAt + r.int(1, 8) * DAY + r.int(0, 8) * HOUR : dueAt - r.int(-72, 48) * HOUR;
      if (t >= cap) continue;
      at(t, () => {
        if (this.open.has(key)) this.write({ k: 'task', at: t, actor: this.desk(t), stay: key, kind, note: notes[kind] });
      });
    }
  }

  private channelDetail(r: Rng, channel: ArrivalChannel, arrivedAt: number): z.output<typeof registerInput>['channelDetail'] {
    switch (channel) {
      case 'police': {
        const a = SURNAME_PICK.pick(r);
        const b = SURNAME_PICK.pick(r);
        return { unit: r.pick(POLICE_UNITS), officers: a === b ? `${a}警官` : `${a}警官、${b}警官`, handoverAt: arrivedAt };
      }
      case 'city_management':
        return { unit: r.pick(CITY_UNITS), ...(r.chance(0.5) ? { phone: phone(r) } : {}) };
      case 'outreach':
        return { unit: '本站街面巡查组', ...(this.staff.outreach.length ? { referrer: r.pick(this.staff.outreach) } : {}) };
      case 'public_tip':
        return { referrer: r.pick(TIPSTERS), ...(r.chance(0.7) ? { phone: phone(r) } : {}) };
      case 'hospital':
        return { unit: r.pick(HOSPITALS), referrer: r.pick(['急诊科护士', '社工部', '急诊科医生']), ...(r.chance(0.5) ? { phone: phone(r) } : {}) };
      case 'other_station':
        return { unit: r.pick(OTHER_STATIONS) };
      case 'walk_in':
        return {};
    }
  }

  /** Only what the discharge rules allow for this person (DOMAIN §1). */
  private pickDischarge(r: Rng, age: number | null, conditions: Condition[], length: number): DischargeType {
    const mental = conditions.includes('mental_disorder') || conditions.includes('intellectual_disability');
    if (age !== null && age < 18) return r.weighted([['return_home', 45], ['family_collected', 40], ['other_agency', 15]] as const);
    if (mental)
      return r.weighted([
        ['family_collected', 35],
        ['foster_care', length > 10 * DAY ? 40 : 5],
        ['return_home', 15],
        ['hospital', 10],
        ['other_agency', 10],
        ['left_without_notice', 5],
      ] as const);
    const entries: [DischargeType, number][] =
      age !== null && age >= 60
        ? [['return_home', 30], ['family_collected', 20], ['self_discharge', 20], ['foster_care', 7], ['hospital', 7], ['left_without_notice', 8], ['assistance_ended', 4], ['death', 1.5], ['other_agency', 2]]
        : [['return_home', 38], ['self_discharge', 27], ['left_without_notice', 14], ['family_collected', 8], ['assistance_ended', 7], ['hospital', 3], ['other_agency', 3], ['death', 0.1]];
    return r.weighted(entries.filter(([t]) => t !== 'self_discharge' || age !== null));
  }

  /** The discharge input as the contract's schema outputs it (keys in schema order, defaults filled). */
  private dischargeDetail(r: Rng, type: DischargeType, age: number | null, t: number): DischargePlan {
    const note = r.chance(0.1) ? { note: r.pick(['已告知救助政策', '离站时情绪稳定', '发放干粮和饮用水']) } : {};
    switch (type) {
      case 'return_home': {
        const cash = r.chance(0.35) ? r.int(5, 20) * 100 : 0;
        return {
          ...note,
          type,
          ticket: r.chance(0.8) ? `${r.pick(TRAINS)}${r.int(100, 9999)}次火车票` : r.pick(['长途汽车票', '乘车凭证', '返乡车票及途中食品']),
          cashFen: cash,
          receiptSigned: cash > 0,
          ...(age !== null && age < 16 ? { escort: `站内工作人员${fullName(r, r.chance(0.5) ? 'male' : 'female')}护送` } : {}),
        };
      }
      case 'family_collected': {
        const sex = r.chance(0.6) ? 'male' : 'female';
        const year = Number(this.cal.dayOf(t).slice(0, 4)) - r.int(25, 65);
        const born = `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
        return { ...note, type, collectorName: fullName(r, sex), relation: r.pick(RELATIONS), collectorIdNumber: idNumberFor(r, REGION_PICK.pick(r)[0], born, sex) };
      }
      case 'self_discharge':
        return { ...note, type, declarationSigned: true };
      case 'left_without_notice':
        return { ...note, type, record: r.pick(['夜间巡查时发现人员不在床位，监控显示其自行离开', '外出后未返回，电话联系未果', '趁开门之际自行离开，已报告带班领导']) };
      case 'foster_care':
        return { ...note, type, home: r.pick(FOSTER_HOMES) };
      case 'hospital':
        return { ...note, type, hospital: r.pick(HOSPITALS) };
      case 'other_agency':
        return { ...note, type, agency: r.pick(AGENCIES) };
      case 'assistance_ended':
        return { ...note, type, notice: r.pick(['受助人员拒不配合，经批准终止救助', '受助人员已有能力自行返乡，终止救助', '查实有固定住所和收入来源，终止救助']) };
      case 'death':
        return { ...note, type, policeInformed: true, policeUnit: r.pick(POLICE_UNITS) };
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

  private placeBed(stay: { key: number; person: PersonPlan; status: string; bed: ZonePlan['beds'][number] | null }, t: number, medical: boolean): void {
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
      this.open.set(stay.key, { status: 'in_station', bed: true });
      return;
    }
  }

  private freeBed(bed: ZonePlan['beds'][number]): void {
    bed.stay = -1;
  }
}
