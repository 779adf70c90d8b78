import type { AlertLine, HandoverSection } from '../../../shared/contract/alerts';
import type { FollowUp, Incident, MissedRound } from '../../../shared/contract/patrol';
import { addDays, shiftAt } from '../../../shared/domain/duty';
import { cached } from '../../db/statements';
import { group, type AlertProvider, type HandoverSectionProvider } from '../alerts/registry';
import { rosterCheck } from './coverage';
import { openFollowUps } from './follow-ups';
import { incidentsDuring } from './incidents';
import { patrolTally } from './schedule';

/** A missed round opens its checkpoint's patrol log. */
const missedLine = (m: MissedRound): AlertLine => ({ entity: 'checkpoint', id: m.checkpoint.id, name: m.checkpoint.name, description: null, owner: null, detail: m.checkpoint.code, at: m.dueAt });
/** A follow-up task: its deadline, owner, and whether it is overdue. */
const followUpLine = (f: FollowUp, now: number): AlertLine => ({ entity: 'followUp', id: f.id, name: f.task, description: null, owner: f.owner.name, detail: f.dueAt < now ? 'overdue' : 'open', at: f.dueAt });
/** An incident: its category; about its first linked stay's person, else its description. */
const incidentLine = (i: Incident): AlertLine => ({
  entity: 'incident',
  id: i.id,
  name: i.stays[0]?.name ?? null,
  description: i.description,
  owner: i.recordedBy.name,
  detail: i.category,
  at: i.at,
});

/**
 * The duty alerts (DOMAIN §2: a missed round is visible): rounds missed in the current shift are urgent; follow-up
 * tasks past their deadline need action; open ones are to be seen to.
 */
export const dutyAlerts: AlertProvider = {
  // Stryker disable next-line StringLiteral: a provider's feature names it for the reader; nothing reads it (collectAlerts and compileSections pass on the groups and sections, each with its own feature)
  feature: 'duty',
  permission: 'duty.read',
  alerts(ctx, n) {
    const shift = shiftAt(ctx.now, ctx.settings.shifts, ctx.today, ctx.settings.timeZone);
    // Stryker disable next-line ArrayDeclaration,ArithmeticOperator: settings refuse a shift template with a gap (v.shiftsGap), so a shift always runs now; and a window ending a millisecond before now leaves out only slots that begin then, which cannot be missed yet
    const missed = shift ? patrolTally(ctx.db, ctx.settings, shift.from, ctx.now + 1, ctx.now).missed : [];
    const open = openFollowUps(ctx.db);
    return [
      group('duty.missedRounds', 'duty', 'urgent', missed.map(missedLine), n),
      group('duty.followUpsOverdue', 'duty', 'warning', open.filter((f) => f.dueAt < ctx.now).map((f) => followUpLine(f, ctx.now)), n),
      group('duty.followUpsOpen', 'duty', 'notice', open.filter((f) => f.dueAt >= ctx.now).map((f) => followUpLine(f, ctx.now)), n),
    ];
  },
};

/**
 * For those who plan the roster: hours of today and tomorrow left without cover on a published roster (sick leave, a
 * no-show). Unpublished days are the planner's draft, not an alert. A line opens the roster on its day (id YYYYMMDD).
 */
export const rosterAlerts: AlertProvider = {
  // Stryker disable next-line StringLiteral: a provider's feature names it for the reader; nothing reads it (collectAlerts and compileSections pass on the groups and sections, each with its own feature)
  feature: 'roster',
  permission: 'roster.write',
  alerts(ctx, n) {
    const tomorrow = addDays(ctx.today, 1);
    const published = new Set(cached(ctx.db, 'SELECT day FROM roster_published_days WHERE day BETWEEN ? AND ?').pluck().all(ctx.today, tomorrow) as string[]);
    const gaps = published.size ? rosterCheck(ctx.db, ctx.settings, ctx.today, tomorrow).gaps.filter((g) => published.has(g.day)) : [];
    const lines = gaps.map(
      (g): AlertLine => ({ entity: 'roster', id: Number(g.day.replaceAll('-', '')), name: null, description: null, owner: null, detail: `${g.post}:${g.hour ?? 'day'}`, at: g.at }),
    );
    return [group('roster.gaps', 'roster', 'warning', lines, n)];
  },
};

/**
 * Duty's part of the shift handover (DOMAIN §2): patrols done and missed, the findings of the rounds, the shift's
 * incidents, and every open follow-up task.
 */
export const dutyHandoverSections: HandoverSectionProvider = {
  // Stryker disable next-line StringLiteral: a provider's feature names it for the reader; nothing reads it (collectAlerts and compileSections pass on the groups and sections, each with its own feature)
  feature: 'duty',
  sections(ctx, window) {
    const tally = patrolTally(ctx.db, ctx.settings, window.from, window.to + 1, ctx.now);
    const findings = cached(
      ctx.db,
      `SELECT r.id, r.at, r.category, r.note, c.name, coalesce(s.name, u.display_name) AS walker FROM patrol_rounds r
       JOIN checkpoints c ON c.id = r.checkpoint_id JOIN staff s ON s.id = r.walked_by LEFT JOIN users u ON u.id = s.user_id
       WHERE r.at >= ? AND r.at <= ? AND r.finding = 'issue' ORDER BY r.at, r.id`,
    ).all(window.from, window.to) as { id: number; at: number; category: string; note: string | null; name: string; walker: string }[];
    const rounds = cached(ctx.db, 'SELECT count(*) FROM patrol_rounds WHERE at >= ? AND at <= ?').pluck().get(window.from, window.to) as number;
    const incidents = incidentsDuring(ctx.db, window.from, window.to);
    const open = openFollowUps(ctx.db);
    const section = (name: string, lines: AlertLine[], figures: HandoverSection['figures'] = []): HandoverSection => ({ key: `duty.${name}`, feature: 'duty', figures, lines });
    return [
      section('patrols', tally.missed.map(missedLine), [
        { key: 'rounds', value: rounds },
        { key: 'slotsDone', value: tally.due - tally.missed.length, of: tally.due },
        { key: 'missed', value: tally.missed.length },
        { key: 'issues', value: findings.length },
      ]),
      section(
        'findings',
        findings.map((f) => ({ entity: 'patrolRound', id: f.id, name: f.name, description: f.note, owner: f.walker, detail: f.category, at: f.at })),
      ),
      section('incidents', incidents.map(incidentLine), [{ key: 'count', value: incidents.length }]),
      section('followUps', open.map((f) => followUpLine(f, ctx.now)), [
        { key: 'open', value: open.length },
        { key: 'overdue', value: open.filter((f) => f.dueAt < ctx.now).length },
      ]),
    ];
  },
};
