import type { intakeContract, StayDetail } from '../../../shared/contract/intake';
import { requireActor, type HandlerContext, type Handlers } from '../../rpc/context';
import { activeStaff } from '../accounts/witness';
import { ensureExportRoom, startExport } from '../export/start';
import { boardList, todayBoard } from './board';
import { readRegister, registerFileName, registerSheet } from './export-register';
import { addService, answerOwnership, assignBed, completeTask, custodyAdd, custodySettle, extend, offerOwnership, safetyCheck } from './care';
import { getStay } from './stay-view';
import { discharge, register, setConditions, triage, type IntakeCtx, type StayChange } from './stays';
import { addBeds, allZones, saveZone, setBedActive, zonesView, type ZoneChange } from './zones';

/** The call as intake's services take it: the handler's context and its actor's id. */
const by = (ctx: HandlerContext): HandlerContext & IntakeCtx => ({ ...ctx, actorId: requireActor(ctx).id });

/** Records a change to a stay (what was asked and what it wrote), then reads the stay once, for the stay page. */
function stayChanged(ctx: HandlerContext, change: StayChange): StayDetail {
  ctx.audit({ entity: 'stay', entityId: change.stayId, before: change.before, after: change.wrote });
  return getStay(ctx, change.stayId);
}

function zoneChanged(ctx: HandlerContext, entity: 'zone' | 'bed', change: ZoneChange) {
  ctx.audit({ entity, entityId: change.id, before: change.before, after: change.wrote });
  return allZones(ctx.db);
}

export const intakeHandlers: Handlers<keyof typeof intakeContract> = {
  'intake.exportRegister': (period, ctx) => {
    ensureExportRoom(ctx);
    const rows = readRegister(ctx.db, period);
    return startExport(ctx, { what: 'intake_register', fileName: registerFileName(period), sheets: [registerSheet(period, rows)] });
  },
  'intake.register': (input, ctx) => {
    const { stayId, personId, wrote } = register(by(ctx), input);
    ctx.audit({ entity: 'stay', entityId: stayId, after: wrote });
    return { stayId, personId };
  },
  'intake.get': (input, ctx) => getStay(ctx, input.stayId),
  'intake.board': (_input, ctx) => todayBoard(ctx.db, ctx.now, ctx.settings, requireActor(ctx).id),
  'intake.boardList': (input, ctx) => boardList(ctx.db, ctx.now, ctx.settings, requireActor(ctx).id, input.list, input.offset, input.limit),
  'intake.staff': (_input, ctx) => activeStaff(ctx.db),
  'intake.beds': (_input, ctx) => zonesView(ctx.db),
  'intake.triage': (input, ctx) => stayChanged(ctx, triage(by(ctx), input)),
  'intake.setConditions': (input, ctx) => stayChanged(ctx, setConditions(by(ctx), input.stayId, input.conditions, input.temperatureC)),
  'intake.safetyCheck': (input, ctx) => stayChanged(ctx, safetyCheck(by(ctx), input)),
  'intake.custodyAdd': (input, ctx) => stayChanged(ctx, custodyAdd(by(ctx), input)),
  'intake.custodySettle': (input, ctx) => stayChanged(ctx, custodySettle(by(ctx), input.itemId, input.kind, input.reason, input.clientConfirmed)),
  'intake.assignBed': (input, ctx) => stayChanged(ctx, assignBed(by(ctx), input.stayId, input, input.reason)),
  'intake.extend': (input, ctx) => stayChanged(ctx, extend(by(ctx), input.stayId, input.days, input.reason)),
  'intake.completeTask': (input, ctx) => stayChanged(ctx, completeTask(by(ctx), input.taskId, input.note)),
  'intake.addService': (input, ctx) => stayChanged(ctx, addService(by(ctx), input.stayId, input.kind, input.note)),
  'intake.offerOwnership': (input, ctx) => stayChanged(ctx, offerOwnership(by(ctx), input.stayId, input.toUserId, input.note)),
  'intake.answerOwnership': (input, ctx) => stayChanged(ctx, answerOwnership(by(ctx), input.offerId, input.accept)),
  'intake.discharge': (input, ctx) => stayChanged(ctx, discharge(by(ctx), input)),

  'intake.zones': (_input, ctx) => allZones(ctx.db),
  'intake.zoneSave': (input, ctx) => zoneChanged(ctx, 'zone', saveZone(ctx.db, input)),
  'intake.bedsAdd': (input, ctx) => zoneChanged(ctx, 'zone', addBeds(ctx.db, input.zoneId, input.labels)),
  'intake.bedSetActive': (input, ctx) => zoneChanged(ctx, 'bed', setBedActive(ctx.db, input.bedId, input.active)),
};
