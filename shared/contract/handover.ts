import { z } from 'zod';
import type { AddendumView, RecordVerification, SignatureView } from '../domain/signatures';
import type { HandoverSection } from './alerts';
import { mutation, output, query } from './define';
import { shiftCode } from './duty-settings';
import { calendarDate, currentPassword, id, requiredText, text } from './fields';

/**
 * Shift handovers (交接班, DOMAIN §2, issue 10). States, in order:
 * - `open`: the outgoing shift composes it; its sections are compiled from live data (again on every refresh);
 * - `submitted`: compiled a last time and fixed; it may go back to `open` only before anyone acknowledges it;
 * - `acknowledged`: at least one of the incoming staff has confirmed it with their own password;
 * - `signed`: the duty leader has signed it, which seals it; later notes are signed addenda.
 */
export const HANDOVER_STATES = ['open', 'submitted', 'acknowledged', 'signed'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];

export interface StaffMember {
  id: number;
  displayName: string;
}

export interface HandoverShift {
  day: string;
  code: string;
  name: string;
  from: number;
  to: number;
}

export interface HandoverSummary {
  id: number;
  shift: HandoverShift;
  state: HandoverState;
  openedBy: StaffMember;
  submittedAt: number | null;
  acknowledgements: number;
  signedBy: StaffMember | null;
  signedAt: number | null;
}

export interface HandoverDetail {
  id: number;
  shift: HandoverShift;
  state: HandoverState;
  openedAt: number;
  openedBy: StaffMember;
  /** The sections cover the shift from its start to this moment. */
  compiledAt: number;
  sections: HandoverSection[];
  notes: string;
  submittedAt: number | null;
  submittedBy: StaffMember | null;
  acknowledgements: { user: StaffMember; at: number }[];
  /** Who may sign without stating a reason: the leader on duty for the shift. */
  leadersOnDuty: StaffMember[];
  signatures: SignatureView[];
  addenda: AddendumView[];
}

/** The shift a handover made now would close, and its handover if one was opened. */
export interface HandoverDue {
  shift: HandoverShift;
  handoverId: number | null;
}

export interface HandoverList {
  due: HandoverDue | null;
  items: HandoverSummary[];
  /** Pass as `before` for the next page; null at the end. */
  next: number | null;
}

/** Verify's answer: the kit's verification of every signature and addendum, with the handover's state. */
export interface HandoverVerification extends RecordVerification {
  handoverId: number;
  state: HandoverState;
}

const handoverId = z.object({ id });

export const handoverOpenInput = z
  .object({
    /** The shift to hand over (default: the one whose end is nearest now). */
    day: calendarDate.optional(),
    shift: shiftCode.optional(),
  })
  .refine((v) => (v.day === undefined) === (v.shift === undefined), { path: ['shift'], message: 'v.required' });

/** The incoming staff member confirming at this desk, with their own password. */
export const incomingInput = z.object({ userId: id, password: currentPassword });

export const handoverContract = {
  'handover.list': query('duty.read', z.object({ before: id.optional(), limit: z.number().int().min(1).max(100).default(20) }), output<HandoverList>()),
  'handover.get': query('duty.read', handoverId, output<HandoverDetail>()),
  'handover.verify': query('duty.read', handoverId, output<HandoverVerification>()),
  'handover.open': mutation('duty.write', handoverOpenInput, output<HandoverDetail>()),
  'handover.refresh': mutation('duty.write', handoverId, output<HandoverDetail>()),
  'handover.saveNotes': mutation('duty.write', z.object({ id, notes: text(4000) }), output<HandoverDetail>()),
  'handover.submit': mutation('duty.write', z.object({ id, notes: text(4000).optional() }), output<HandoverDetail>()),
  'handover.reopen': mutation('duty.write', handoverId, output<HandoverDetail>()),
  'handover.acknowledge': mutation('duty.write', z.object({ id, incoming: incomingInput }), output<HandoverDetail>()),
  /** The duty leader signs with their own password; a leader not on duty for the shift states why. */
  'handover.sign': mutation('handover.sign', z.object({ id, password: currentPassword, reason: text(300).optional() }), output<HandoverDetail>()),
  'handover.addendum': mutation('duty.write', z.object({ id, note: requiredText(2000), password: currentPassword }), output<HandoverDetail>()),
};
