import type { handoverContract } from '../../../shared/contract/handover';
import type { HandlerContext, Handlers } from '../../rpc/context';
import { dutyCtx } from '../roster/context';
import { verifyRecord } from '../signatures';
import { acknowledge, addendum, reopen, refresh, saveNotes, signHandover, submit } from './flow';
import { handoverDetail, handoverList, handoverRow, openHandover, sealedForm, shiftToOpen, stateOf } from './service';

/** Runs a step of a handover and records it: the step's input (never a password) and what it wrote. */
function step(ctx: HandlerContext, id: number, after: Record<string, unknown>, run: (c: ReturnType<typeof dutyCtx>) => Record<string, unknown> | void) {
  const c = dutyCtx(ctx);
  const written = run(c) ?? {};
  ctx.audit({ entity: 'handover', entityId: id, after: { ...after, ...written } });
  return handoverDetail(c.db, id);
}

export const handoverHandlers: Handlers<keyof typeof handoverContract> = {
  'handover.list': (input, ctx) => handoverList(dutyCtx(ctx), input.before, input.limit),
  'handover.get': (input, ctx) => handoverDetail(ctx.db, input.id),
  'handover.verify': (input, ctx) => {
    const row = handoverRow(ctx.db, input.id);
    return { ...verifyRecord(ctx.db, 'handover', input.id, sealedForm(ctx.db, input.id)), handoverId: input.id, state: stateOf(ctx.db, row) };
  },
  'handover.open': (input, ctx) => {
    const c = dutyCtx(ctx);
    const shift = shiftToOpen(c, input.day, input.shift);
    const id = openHandover(c, shift);
    ctx.audit({ entity: 'handover', entityId: id, after: { id, shift } });
    return handoverDetail(c.db, id);
  },
  'handover.refresh': (input, ctx) => step(ctx, input.id, { compiledAt: ctx.now }, (c) => refresh(c, input.id)),
  // Stryker disable next-line ObjectLiteral: the dispatcher records the call's input in the same row (audit-record.ts), notes among it
  'handover.saveNotes': (input, ctx) => step(ctx, input.id, { notes: input.notes }, (c) => saveNotes(c, input.id, input.notes)),
  'handover.submit': (input, ctx) => step(ctx, input.id, { notes: input.notes, submittedAt: ctx.now }, (c) => submit(c, input.id, input.notes)),
  'handover.reopen': (input, ctx) => step(ctx, input.id, { reopened: true }, (c) => reopen(c, input.id)),
  'handover.acknowledge': (input, ctx) => step(ctx, input.id, { acknowledgedBy: input.incoming.userId }, (c) => void acknowledge(c, input.id, input.incoming)),
  'handover.sign': (input, ctx) =>
    step(ctx, input.id, { reason: input.reason ?? null }, (c) => {
      const { signature, onDuty } = signHandover(c, input.id, input.password, input.reason);
      return { leaderOnDuty: onDuty, signature: { id: signature.id, fingerprint: signature.fingerprint } };
    }),
  'handover.addendum': (input, ctx) =>
    // Stryker disable next-line ObjectLiteral: the dispatcher records the call's input in the same row (audit-record.ts), the note among it
    step(ctx, input.id, { note: input.note }, (c) => {
      const a = addendum(c, input.id, input.note, input.password);
      return { addendumId: a.id, signature: { id: a.signature.id, fingerprint: a.signature.fingerprint } };
    }),
};
