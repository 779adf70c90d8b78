/**
 * Duty's plan: the station's weeks. Each week's roster is planned and published a couple of days ahead (the desk in
 * twelve-hour turns that keep the rest and night rules, a duty leader each day), the checkpoints are walked in every
 * patrol slot (a few rounds missed, a few findings), incidents are logged, and every shift is handed over: opened
 * and submitted by the outgoing desk, acknowledged by the incoming one, signed by the day's duty leader.
 * Everything is scheduled on one agenda and run in time order.
 */
import { addDays, daysBetween, patrolSlots, shiftInstance, type Post, type ShiftInstance } from '../../../../shared/domain/duty';
import { dayStart } from '../../../../shared/domain/time';
import { cached } from '../../../db/statements';
import { verifyPassword } from '../../accounts/password';
import { DAY, DEMO_PASSWORD, HOUR, MIN } from '../../demo/generate/data';
import { Rng, seedOf } from '../../demo/generate/random';
import type { DemoEnv } from '../../demo/generate/section';
import { Agenda } from '../../demo/generate/time';
import type { Op } from './ops';

/** Per size: the share of patrol slots walked at each checkpoint (the ten-year station: about 55,000 rounds) and incidents a day. */
export const SIZES = {
  demo: { rounds: (_slots: number) => 0.97, incidentsPerDay: 1.2 },
  bench: { rounds: (slots: number) => Math.min(1, 55_000 / slots), incidentsPerDay: 0.8 },
} as const;

/** Publishing runs this long before the week it fixes. */
const LEAD_DAYS = 2;
const WEEK = 7;
/** The rotation's day zero: a Monday. */
const EPOCH = '2000-01-03';

const FINDINGS = [
  ['hygiene', '卫生间地面积水，已通知保洁'],
  ['facility', '走廊灯管损坏'],
  ['fire_hazard', '消防通道堆放纸箱，已清理'],
] as const;
const INCIDENTS = [
  ['illness', '受助人员自述头晕乏力，疑似中暑', '移至阴凉处，补充淡盐水，测量体温后好转'],
  ['fight', '两名受助人员因床位发生口角', '值班人员劝解分开，调整床位'],
  ['visitor', '家属来站询问受助人员情况', '核实身份后安排会面并登记'],
  ['complaint', '受助人员反映饭菜偏咸', '已转告厨房，次日调整'],
] as const;

export class DutyPlanner {
  private readonly r: Rng;
  private readonly agenda = new Agenda();
  private readonly staffOf = new Map<number, number>();
  private readonly hasDemoPassword = new Map<string, boolean>();
  private handovers = 0;

  constructor(
    private readonly env: DemoEnv,
    private readonly emit: (op: Op) => void,
  ) {
    this.r = new Rng(seedOf(env.seed, 5));
  }

  run(tick: (done: number, total: number) => void): void {
    const { env } = this;
    const tz = env.settings.timeZone;
    const periodStart = env.now - env.days * DAY;
    const first = env.calendar.dayOf(periodStart);
    const today = env.calendar.dayOf(env.now);
    const checkpoints = cached(env.db, 'SELECT id, code FROM checkpoints WHERE retired_at IS NULL ORDER BY sort, id').all() as { id: number; code: string }[];
    const slotsPerDay = patrolSlots(env.settings.patrolBands, 0, Number.MAX_SAFE_INTEGER, tz, today, today).length; // every band once
    const walked = SIZES[env.size].rounds(Math.max(1, env.days * slotsPerDay * checkpoints.length));
    const total = daysBetween(first, today) + 2;
    let done = 0;
    // The roster starts the day before the period, so that the period's first night is covered.
    const rosterStart = addDays(first, -1);
    for (let day = rosterStart; day <= today; day = addDays(day, 1)) {
      if (daysBetween(rosterStart, day) % WEEK === 0) {
        const at = Math.max(periodStart, env.calendar.startOf(periodStart) + 10 * HOUR, this.dayStart(addDays(day, -LEAD_DAYS)) + 10 * HOUR);
        const to = addDays(day, WEEK - 1);
        this.agenda.push(at, () => this.publishWeek(at, day, to, day === rosterStart));
      }
      if (day >= first) this.scheduleDay(day, checkpoints, walked);
      const next = this.dayStart(addDays(day, 1));
      while (this.agenda.peek() < Math.min(next, env.now)) this.agenda.pop()();
      tick(++done, total);
    }
  }

  private dayStart(day: string): number {
    return dayStart(day, this.env.settings.timeZone);
  }

  private staff(userId: number): number {
    let id = this.staffOf.get(userId);
    if (id === undefined) this.staffOf.set(userId, (id = cached(this.env.db, 'SELECT id FROM staff WHERE user_id = ?').pluck().get(userId) as number));
    return id;
  }

  /**
   * Whether the account has the demo password (a station set up by hand has its own): only then does it acknowledge
   * and sign here. The generated accounts share one hash, so this is one scrypt, not one per account.
   */
  private canConfirm(userId: number): boolean {
    const hash = cached(this.env.db, 'SELECT password_hash FROM users WHERE id = ?').pluck().get(userId) as string;
    let ok = this.hasDemoPassword.get(hash);
    if (ok === undefined) this.hasDemoPassword.set(hash, (ok = verifyPassword(DEMO_PASSWORD, hash)));
    return ok;
  }

  /** The desk's turns: on day n the day shift is desk n, the night shift desk n + 2 (a day's rest after each night). */
  private deskFor(day: string, shiftIndex: number): number {
    const desk = this.env.staff.desk;
    return desk[(((daysBetween(EPOCH, day) + 2 * shiftIndex) % desk.length) + desk.length) % desk.length]!.id;
  }

  private leaderFor(day: string): number {
    const leaders = this.env.staff.leaders.length ? this.env.staff.leaders : [this.env.staff.admin];
    return leaders[daysBetween(EPOCH, day) % leaders.length]!.id;
  }

  private publishWeek(at: number, from: string, to: string, first: boolean): void {
    const actor = this.leaderFor(from);
    this.env.settings.shifts.forEach((shift, i) => {
      for (let day = from; day <= to; day = addDays(day, 1)) {
        const post: Post = 'front_desk';
        this.emit({ k: 'assign', at, actor, day, shift: shift.code, post, staffId: this.staff(this.deskFor(day, i)) });
        if (i === 0) this.emit({ k: 'assign', at, actor, day, shift: shift.code, post: 'leader', staffId: this.staff(this.leaderFor(day)) });
      }
    });
    // The first week's first morning is the end of a night before any roster: the check finds it uncovered.
    this.emit({ k: 'publish', at: at + MIN, actor, from, to, ...(first ? { override: '排班表起始日凌晨由上一排班周期覆盖' } : {}) });
  }

  private scheduleDay(day: string, checkpoints: { id: number; code: string }[], walked: number): void {
    const { env } = this;
    const tz = env.settings.timeZone;
    const shifts = env.settings.shifts.map((s) => shiftInstance(day, s, tz));
    const deskAt = (t: number) => {
      const i = shifts.findIndex((s) => s.from <= t && t < s.to);
      return i >= 0 ? this.deskFor(day, i) : this.deskFor(addDays(day, -1), env.settings.shifts.length - 1);
    };
    const dayFrom = this.dayStart(day);
    for (const slot of patrolSlots(env.settings.patrolBands, dayFrom, this.dayStart(addDays(day, 1)), tz, addDays(day, -1), day)) {
      for (const cp of checkpoints) {
        if (!this.r.chance(walked)) continue;
        const at = slot.from + this.r.int(2, Math.max(3, Math.floor((slot.to - slot.from) / MIN) - 5)) * MIN;
        const actor = deskAt(at);
        const issue = this.r.chance(0.03) ? FINDINGS[this.r.int(0, FINDINGS.length - 1)]! : null;
        const op: Op = { k: 'round', at, actor, checkpointId: cp.id, code: cp.code, walkedBy: this.staff(actor), finding: issue ? 'issue' : 'normal', ...(issue ? { category: issue[0], note: issue[1] } : {}) };
        this.agenda.push(at, () => this.emit(op));
      }
    }
    const incidents = Math.floor(SIZES[env.size].incidentsPerDay + this.r.next());
    for (let i = 0; i < incidents; i++) {
      const at = dayFrom + this.r.int(7 * 60, 22 * 60) * MIN;
      const [category, description, action] = INCIDENTS[this.r.int(0, INCIDENTS.length - 1)]!;
      this.agenda.push(at, () => this.emit({ k: 'incident', at, actor: deskAt(at), category, description, action, stayIds: this.stayAround(at) }));
    }
    shifts.forEach((shift, i) => this.handOver(shift, i, day));
  }

  /** A stay that arrived in the two days before `at`, if any: the one the incident involves. */
  private stayAround(at: number): number[] {
    // By the arrival day's index first (stays have no index on the instant): ten years hold 500,000 stays.
    const cal = this.env.calendar;
    const id = cached(
      this.env.db,
      'SELECT id FROM stays WHERE arrived_on BETWEEN ? AND ? AND arrived_at BETWEEN ? AND ? ORDER BY arrived_at DESC, id DESC LIMIT 1',
    )
      .pluck()
      .get(cal.dayOf(at - 2 * DAY), cal.dayOf(at), at - 2 * DAY, at) as number | undefined;
    return id === undefined ? [] : [id];
  }

  private handOver(shift: ShiftInstance, i: number, day: string): void {
    const { env } = this;
    if (shift.from < env.now - env.days * DAY) return;
    const outgoing = this.deskFor(day, i);
    const last = i === env.settings.shifts.length - 1;
    const incoming = this.deskFor(last ? addDays(day, 1) : day, last ? 0 : i + 1);
    const leader = this.leaderFor(day);
    const steps = [
      [shift.to - 20 * MIN, 'open'],
      [shift.to - 10 * MIN, 'submit'],
      [shift.to + 10 * MIN, 'ack'],
      [shift.to + 40 * MIN, 'sign'],
    ] as const;
    const key = ++this.handovers;
    const willSubmit = steps[1][0] < env.now;
    for (const [at, step] of steps) {
      if (at >= env.now) break;
      if (step === 'ack' && (incoming === outgoing || !this.canConfirm(incoming))) break;
      if (step === 'sign' && !this.canConfirm(leader)) break;
      this.agenda.push(at, () => {
        if (step === 'open') this.emit({ k: 'open', at, actor: outgoing, handover: key, shift, willSubmit });
        else if (step === 'submit') this.emit({ k: 'submit', at, actor: outgoing, handover: key, notes: this.r.chance(0.3) ? '夜间巡查正常，无特殊情况' : '' });
        else if (step === 'ack') this.emit({ k: 'ack', at, actor: incoming, handover: key });
        else this.emit({ k: 'sign', at, actor: leader, handover: key });
      });
    }
  }
}
