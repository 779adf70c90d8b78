import type { patrolContract } from '../../../shared/contract/patrol';
import type { rosterContract } from '../../../shared/contract/roster';
import { addDays } from '../../../shared/domain/duty';
import type { HandlerContext, Handlers } from '../../rpc/context';
import { cover, replace, sickLeave, swap, type ChangeResult } from './changes';
import { dutyCtx, type DutyCtx } from './context';
import { exportRoster } from './export';
import { rosterCheck } from './coverage';
import { closeFollowUp, openFollowUps } from './follow-ups';
import { incidentById, incidentsOf, recordIncident } from './incidents';
import { onDutyNow } from './on-duty';
import { listCheckpoints, patrolLog, patrolStatus, recordRound, roundById, saveCheckpoint } from './patrols';
import { assign, copyWeek, publish, unassign } from './planning';
import { listStaff, saveStaff } from './staff';
import { rosterView } from './view';

/** The coverage check of the days a change touched (it runs on every change). */
const checkOf = (c: DutyCtx, days: string[]) => {
  const sorted = [...days].sort();
  return rosterCheck(c.db, c.settings, sorted[0]!, sorted[sorted.length - 1]!);
};

/** A recorded change to a published roster: audited with who approved it and the rows it wrote (the dispatcher adds the input). */
function changed(ctx: HandlerContext, input: { approval?: { userId: number } }, run: (c: DutyCtx) => ChangeResult) {
  const c = dutyCtx(ctx);
  const r = run(c);
  ctx.audit({ entity: 'roster_change', entityId: r.changeId, after: { approvedBy: input.approval?.userId ?? c.actorId, removed: r.removed, added: r.added } });
  return { ids: [r.changeId], check: checkOf(c, r.days) };
}

export const rosterHandlers: Handlers<keyof typeof rosterContract> = {
  'roster.staff': (_input, ctx) => listStaff(ctx.db),
  'roster.staffSave': (input, ctx) => {
    const { before, after } = saveStaff(ctx.db, input, ctx.now);
    ctx.audit({ entity: 'staff', entityId: after.id, before, after: { id: after.id } });
    return after;
  },
  'roster.get': (input, ctx) => rosterView(ctx.db, dutyCtx(ctx).settings, input.from, input.to),
  'roster.check': (input, ctx) => rosterCheck(ctx.db, dutyCtx(ctx).settings, input.from, input.to),
  'roster.onDuty': (_input, ctx) => {
    const c = dutyCtx(ctx);
    return onDutyNow(c.db, c.settings, c.now, c.today);
  },
  'roster.assign': (input, ctx) => {
    const c = dutyCtx(ctx);
    const id = assign(c, input);
    ctx.audit({ entity: 'roster_assignment', entityId: id, after: { id } });
    return { ids: [id], check: checkOf(c, [input.day]) };
  },
  'roster.unassign': (input, ctx) => {
    const c = dutyCtx(ctx);
    const { day } = unassign(c, input.assignmentId);
    ctx.audit({ entity: 'roster_assignment', entityId: input.assignmentId, after: { removed: input.assignmentId, day } });
    return { ids: [input.assignmentId], check: checkOf(c, [day]) };
  },
  'roster.copyWeek': (input, ctx) => {
    const c = dutyCtx(ctx);
    const { ids, skipped } = copyWeek(c, input.weekStart);
    ctx.audit({ entity: 'roster_week', entityId: input.weekStart, after: { ids, skipped } });
    return { ids, skipped, check: checkOf(c, [input.weekStart, addDays(input.weekStart, 6)]) };
  },
  'roster.publish': (input, ctx) => {
    const c = dutyCtx(ctx);
    const p = publish(c, input);
    const { check } = p;
    ctx.audit({
      entity: 'roster_publication',
      entityId: p.publicationId,
      after: { days: p.days, gaps: check.gaps.length, conflicts: check.conflicts.length, override: p.override },
    });
    return { ids: [p.publicationId], publicationId: p.publicationId, days: p.days, check };
  },
  'roster.swap': (input, ctx) => changed(ctx, input, (c) => swap(c, input)),
  'roster.replace': (input, ctx) => changed(ctx, input, (c) => replace(c, input)),
  'roster.sickLeave': (input, ctx) => changed(ctx, input, (c) => sickLeave(c, input)),
  'roster.cover': (input, ctx) => changed(ctx, input, (c) => cover(c, input)),
  'roster.export': (input, ctx) => exportRoster(ctx, input),
};

export const patrolHandlers: Handlers<keyof typeof patrolContract> = {
  'patrol.checkpoints': (_input, ctx) => listCheckpoints(ctx.db),
  'patrol.checkpointSave': (input, ctx) => {
    const { before, id } = saveCheckpoint(dutyCtx(ctx), input);
    ctx.audit({ entity: 'checkpoint', entityId: id, before, after: { id } });
    return listCheckpoints(ctx.db);
  },
  'patrol.status': (_input, ctx) => patrolStatus(dutyCtx(ctx)),
  'patrol.record': (input, ctx) => {
    const c = dutyCtx(ctx);
    const { id, followUpId } = recordRound(c, input);
    ctx.audit({ entity: 'patrol_round', entityId: id, after: { id, followUpId } });
    return roundById(c.db, id);
  },
  'patrol.log': (input, ctx) => patrolLog(dutyCtx(ctx), input.from, input.to),
  'patrol.followUps': (_input, ctx) => openFollowUps(ctx.db),
  'patrol.closeFollowUp': (input, ctx) => {
    const f = closeFollowUp(dutyCtx(ctx), input.id, input.note);
    ctx.audit({ entity: 'follow_up', entityId: input.id, after: { doneAt: ctx.now } });
    return f;
  },
  'incident.record': (input, ctx) => {
    const c = dutyCtx(ctx);
    const { id, followUpId } = recordIncident(c, input);
    ctx.audit({ entity: 'incident', entityId: id, after: { id, followUpId } });
    return incidentById(c.db, id);
  },
  'incident.list': (input, ctx) => incidentsOf(dutyCtx(ctx), input.from, input.to),
};
