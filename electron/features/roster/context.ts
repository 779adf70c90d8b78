import type { StationSettings } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/domain/result';
import { permissionsOf, type Role } from '../../../shared/domain/roles';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { requireActor, type HandlerContext } from '../../rpc/context';
import { coSign, confirmPassword, type WitnessCtx } from '../accounts/witness';
import type { HandoverSectionProvider } from '../alerts/registry';

/** What the duty features' services read: one moment on the station's clock, its settings, and the caller. */
export interface DutyCtx extends WitnessCtx {
  settings: StationSettings;
  today: string;
  /** The handover's sections come from every registered feature (electron/features/index.ts), never from imports. */
  handoverSections: readonly HandoverSectionProvider[];
}

/** The duty features' view of a handler's context: the call's clock, settings and day, and who acts. */
export function dutyCtx(ctx: HandlerContext): DutyCtx {
  return { db: ctx.db, now: ctx.now, actorId: requireActor(ctx).id, throttle: ctx.throttle, settings: ctx.settings, today: ctx.today, handoverSections: ctx.features.handoverSections };
}

/** An active account whose roles may sign handovers: a duty leader. */
export function isDutyLeader(db: DB, userId: number): boolean {
  const roles = cached(db, 'SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE r.user_id = ? AND u.disabled = 0').pluck().all(userId) as Role[];
  return permissionsOf(roles).includes('handover.sign');
}

/**
 * A duty leader's approval of a roster change or a publishing override. Without `approval`, the signed-in user
 * approves and must be a duty leader; another duty leader at this desk confirms with their own password (a name
 * alone would be no approval). Errors land at `path.userId` / `path.password`. Returns the approver's user id.
 */
export function approve(c: DutyCtx, approval: { userId: number; password?: string } | undefined, path: string): number {
  const userId = approval?.userId ?? c.actorId;
  if (!isDutyLeader(c.db, userId)) {
    throw new AppError('VALIDATION', 'A duty leader must approve this.', { [`${path}.userId`]: approval ? 'v.notLeader' : 'v.leaderApproval' });
  }
  if (userId === c.actorId) {
    // The signed-in duty leader's session is their approval; a password typed anyway must still be theirs.
    if (approval?.password) {
      const fields = {
        // Stryker disable next-line StringLiteral: never reported: isDutyLeader has just found this account active, and confirmPassword refuses at userId only an account that is not
        userId: `${path}.userId`,
        password: `${path}.password`,
      };
      confirmPassword(c, userId, approval.password, fields);
    }
    return userId;
  }
  // Stryker disable next-line OptionalChaining: approval is given here: without it the approver is the signed-in user, who has returned above
  if (!approval?.password) throw new AppError('VALIDATION', 'The approving duty leader types their password.', { [`${path}.password`]: 'v.required' });
  coSign(c, { userId, password: approval.password }, path);
  return userId;
}
