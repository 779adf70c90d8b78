import type { intakeContract, StayDetail } from '../../../shared/contract/intake';
import { requireActor, type HandlerContext, type Handlers } from '../../rpc/context';
import { activeStaff } from '../accounts/witness';
import { readSettings } from '../settings/service';
import { todayBoard } from './board';
import { addService, answerOwnership, assignBed, completeTask, custodyAdd, custodySettle, extend, offerOwnership, safetyCheck, zonesView } from './care';
import { discharge, getStay, register, setConditions, triage, type IntakeCtx } from './stays';
import { addBeds, allZones, saveZone, setBedActive } from './zones';

const intakeCtx = (ctx: HandlerContext): IntakeCtx & { throttle: HandlerContext['throttle'] } => ({
  db: ctx.db,
  now: ctx.now,
  actorId: requireActor(ctx).id,
  settings: readSettings(ctx.db),
  throttle: ctx.throttle,
});

/** Runs a change to one stay and records it with the stay as it was and as it is. */
function changeStay(ctx: HandlerContext, stayId: number, change: (c: ReturnType<typeof intakeCtx>) => number | void): StayDetail {
  const c = intakeCtx(ctx);
  const before = getStay(c, stayId);
  const actual = change(c) ?? stayId;
  const after = getStay(c, actual);
  ctx.audit({ entity: 'stay', entityId: actual, before: actual === stayId ? slim(before) : undefined, after: slim(after) });
  return after;
}

/** The audit row keeps the stay's own state; the person has their own rows. */
const slim = (s: StayDetail) => ({ ...s, person: { id: s.person.id, name: s.person.name }, events: undefined, services: undefined });

const stayOfItem = (ctx: HandlerContext, itemId: number) =>
  (ctx.db.prepare('SELECT stay_id FROM custody_items WHERE id = ?').get(itemId) as { stay_id: number } | undefined)?.stay_id ?? 0;
const stayOfTask = (ctx: HandlerContext, taskId: number) =>
  (ctx.db.prepare('SELECT stay_id FROM family_search_tasks WHERE id = ?').get(taskId) as { stay_id: number } | undefined)?.stay_id ?? 0;
const stayOfOffer = (ctx: HandlerContext, offerId: number) =>
  (ctx.db.prepare('SELECT stay_id FROM ownership_offers WHERE id = ?').get(offerId) as { stay_id: number } | undefined)?.stay_id ?? 0;

export const intakeHandlers: Handlers<keyof typeof intakeContract> = {
  'intake.register': (input, ctx) => {
    const c = intakeCtx(ctx);
    const out = register(c, input);
    ctx.audit({ entity: 'stay', entityId: out.stayId, after: slim(getStay(c, out.stayId)) });
    return out;
  },
  'intake.get': (input, ctx) => getStay(intakeCtx(ctx), input.stayId),
  'intake.board': (_input, ctx) => todayBoard(ctx.db, ctx.now, readSettings(ctx.db), requireActor(ctx).id),
  'intake.staff': (_input, ctx) => activeStaff(ctx.db),
  'intake.beds': (_input, ctx) => zonesView(ctx.db),
  'intake.triage': (input, ctx) => changeStay(ctx, input.stayId, (c) => triage(c, input)),
  'intake.setConditions': (input, ctx) => changeStay(ctx, input.stayId, (c) => setConditions(c, input.stayId, input.conditions, input.temperatureC)),
  'intake.safetyCheck': (input, ctx) => changeStay(ctx, input.stayId, (c) => safetyCheck(c, input)),
  'intake.custodyAdd': (input, ctx) => changeStay(ctx, input.stayId, (c) => custodyAdd(c, input)),
  'intake.custodySettle': (input, ctx) =>
    changeStay(ctx, stayOfItem(ctx, input.itemId), (c) => custodySettle(c, input.itemId, input.kind, input.reason, input.clientConfirmed)),
  'intake.assignBed': (input, ctx) => changeStay(ctx, input.stayId, (c) => assignBed(c, input.stayId, input, input.reason)),
  'intake.extend': (input, ctx) => changeStay(ctx, input.stayId, (c) => extend(c, input.stayId, input.days, input.reason)),
  'intake.completeTask': (input, ctx) => changeStay(ctx, stayOfTask(ctx, input.taskId), (c) => completeTask(c, input.taskId, input.note)),
  'intake.addService': (input, ctx) => changeStay(ctx, input.stayId, (c) => addService(c, input.stayId, input.kind, input.note)),
  'intake.offerOwnership': (input, ctx) => changeStay(ctx, input.stayId, (c) => offerOwnership(c, input.stayId, input.toUserId, input.note)),
  'intake.answerOwnership': (input, ctx) => changeStay(ctx, stayOfOffer(ctx, input.offerId), (c) => answerOwnership(c, input.offerId, input.accept)),
  'intake.discharge': (input, ctx) => changeStay(ctx, input.stayId, (c) => discharge(c, input)),

  'intake.zones': (_input, ctx) => allZones(ctx.db),
  'intake.zoneSave': (input, ctx) => {
    const before = input.id === undefined ? null : allZones(ctx.db).find((z) => z.id === input.id) ?? null;
    const zoneId = saveZone(ctx.db, input);
    const zones = allZones(ctx.db);
    ctx.audit({ entity: 'zone', entityId: zoneId, before, after: zones.find((z) => z.id === zoneId) });
    return zones;
  },
  'intake.bedsAdd': (input, ctx) => {
    addBeds(ctx.db, input.zoneId, input.labels);
    ctx.audit({ entity: 'zone', entityId: input.zoneId, after: { bedsAdded: input.labels } });
    return allZones(ctx.db);
  },
  'intake.bedSetActive': (input, ctx) => {
    setBedActive(ctx.db, input.bedId, input.active);
    ctx.audit({ entity: 'bed', entityId: input.bedId, after: { active: input.active } });
    return allZones(ctx.db);
  },
};
