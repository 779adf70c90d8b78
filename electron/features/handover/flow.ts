import { AppError } from '../../../shared/domain/result';
import { cached } from '../../db/statements';
import { coSign, confirmPassword } from '../accounts/witness';
import type { DutyCtx } from '../roster/context';
import { addAddendum, requireUnsealed, sign, type AddendumView, type SignatureView } from '../signatures';
import { compile, handoverRow, leadersOf, sealedForm, stateOf, type HandoverRow } from './service';

/**
 * The steps of a handover after it is opened. Every step that edits it checks first that it is not sealed; a wrong
 * password throws before anything is written (and the dispatcher rolls back whatever was).
 */

/** An unsealed handover in the state the step needs, or CONFLICT at `id`. */
function inState(c: DutyCtx, id: number, wanted: 'open' | 'submitted' | 'acknowledged'): HandoverRow {
  const row = handoverRow(c.db, id);
  requireUnsealed(c.db, 'handover', id, 'id');
  const state = stateOf(c.db, row);
  if (state === wanted || (wanted === 'submitted' && state === 'acknowledged')) return row;
  const message = { open: 'v.handoverSubmitted', submitted: 'v.handoverNotSubmitted', acknowledged: 'v.notAcknowledged' }[wanted];
  throw new AppError('CONFLICT', `The handover is ${state}.`, { id: message }, { state });
}

/** Compiles the sections again from live data, to now. */
export function refresh(c: DutyCtx, id: number): void {
  const row = inState(c, id, 'open');
  cached(c.db, 'UPDATE handovers SET sections = ?, compiled_at = ? WHERE id = ?').run(compile(c, { from: row.shift_from, to: row.shift_to }), c.now, id);
}

export function saveNotes(c: DutyCtx, id: number, notes: string): void {
  inState(c, id, 'open');
  cached(c.db, 'UPDATE handovers SET notes = ? WHERE id = ?').run(notes, id);
}

/** Compiled a last time, with the notes, and fixed for the incoming staff to read and acknowledge. */
export function submit(c: DutyCtx, id: number, notes: string | undefined): void {
  const row = inState(c, id, 'open');
  cached(c.db, 'UPDATE handovers SET sections = ?, compiled_at = @now, notes = coalesce(@notes, notes), submitted_at = @now, submitted_by = @by WHERE id = @id').run(
    compile(c, { from: row.shift_from, to: row.shift_to }),
    { now: c.now, notes: notes ?? null, by: c.actorId, id },
  );
}

/** Back to the outgoing shift, only while nobody has acknowledged what they read. */
export function reopen(c: DutyCtx, id: number): void {
  const row = handoverRow(c.db, id);
  requireUnsealed(c.db, 'handover', id, 'id');
  const state = stateOf(c.db, row);
  if (state === 'acknowledged') throw new AppError('CONFLICT', 'It has been acknowledged: add to it after signing.', { id: 'v.handoverAcknowledged' }, { state });
  if (state !== 'submitted') throw new AppError('CONFLICT', 'The handover is not submitted.', { id: 'v.handoverNotSubmitted' }, { state });
  cached(c.db, 'UPDATE handovers SET submitted_at = NULL, submitted_by = NULL WHERE id = ?').run(id);
}

/**
 * An incoming staff member confirms the handover with their own password: at the outgoing colleague's desk (the
 * kit's co-signing check), or signed in themselves (their password again). The one who submitted it cannot.
 */
export function acknowledge(c: DutyCtx, id: number, incoming: { userId: number; password: string }): number {
  const row = inState(c, id, 'submitted');
  if (incoming.userId === row.submitted_by) throw new AppError('VALIDATION', 'The incoming shift acknowledges, not the outgoing.', { 'incoming.userId': 'v.ackOutgoing' });
  if (cached(c.db, 'SELECT 1 FROM handover_acks WHERE handover_id = ? AND user_id = ?').get(id, incoming.userId)) {
    throw new AppError('CONFLICT', 'Already acknowledged by this staff member.', { 'incoming.userId': 'v.alreadyAcknowledged' });
  }
  if (incoming.userId === c.actorId) {
    confirmPassword(c, incoming.userId, incoming.password, {
      // Stryker disable next-line StringLiteral: here the incoming staff member is the one signed in, whose account the dispatcher has just read as active, so no error lands at the user field
      userId: 'incoming.userId',
      password: 'incoming.password',
    });
  } else coSign(c, incoming, 'incoming');
  cached(c.db, 'INSERT INTO handover_acks (handover_id, user_id, at) VALUES (?, ?, ?)').run(id, incoming.userId, c.now);
  return incoming.userId;
}

/**
 * The duty leader signs: the leader on duty for the shift, or another duty leader who states why (the reason is kept
 * with the signature and shown with it). Only an acknowledged handover closes. What is signed is `sealedForm`.
 */
export function signHandover(c: DutyCtx, id: number, password: string, reason: string | undefined): { signature: SignatureView; onDuty: boolean } {
  const row = inState(c, id, 'acknowledged');
  const onDuty = leadersOf(c.db, row).some((l) => l.id === c.actorId);
  if (!onDuty && !reason) throw new AppError('VALIDATION', 'You are not the leader on duty for this shift: say why you sign.', { reason: 'v.signReason' });
  const signature = sign(c, { entity: 'handover', entityId: id, record: sealedForm(c.db, id), password, reason: reason || null });
  return { signature, onDuty };
}

/** A later note on a signed handover: an addendum of its own, signed by whoever adds it. */
export function addendum(c: DutyCtx, id: number, note: string, password: string): AddendumView {
  handoverRow(c.db, id);
  return addAddendum(c, { entity: 'handover', entityId: id, note, password });
}
