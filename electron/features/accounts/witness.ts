import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { requireActor, type HandlerContext } from '../../rpc/context';
import { verifyPassword } from './password';
import type { LoginThrottle } from './throttle';

/**
 * A second staff member confirms an act at this desk by typing their own password: the co-signing witness of a
 * safety check or a belongings receipt, the incoming shift acknowledging a handover, the signer of a sealed record.
 * Any feature calls these from inside its mutation; nothing here writes to the database.
 */
export interface WitnessCtx {
  db: DB;
  now: number;
  /** The signed-in user making the call. */
  actorId: number;
  /** The wrong-password throttle shared with login: guessing a colleague's password here is no cheaper. */
  throttle: LoginThrottle;
}

/** The context a witness check needs, from a handler's. */
export const witnessCtx = (ctx: HandlerContext): WitnessCtx => ({ db: ctx.db, now: ctx.now, actorId: requireActor(ctx).id, throttle: ctx.throttle });

export interface StaffMember {
  id: number;
  displayName: string;
}

/** Every active account, for choosing a witness. */
export function activeStaff(db: DB): StaffMember[] {
  return cached(db, 'SELECT id, display_name AS displayName FROM users WHERE disabled = 0 ORDER BY display_name').all() as StaffMember[];
}

/**
 * Checks that `userId` is an active account and `password` is theirs. Errors land at the caller's input fields:
 * VALIDATION `v.witnessUnknown` at `fields.userId`; RATE_LIMITED while that username is held by the throttle;
 * BAD_CREDENTIALS `v.badCredentials` at `fields.password`, counted as a failure.
 */
export function confirmPassword(
  c: WitnessCtx,
  userId: number,
  password: string,
  fields: { userId: string; password: string },
  // Stryker disable next-line StringLiteral: the English text of the BAD_CREDENTIALS error below, which callers never read (they act on the code and `v.badCredentials`); the ignorer leaves such text unmutated only where it is written into the AppError
  wrongPasswordMessage = 'The password is wrong.',
): void {
  const user = cached(c.db, 'SELECT username, password_hash FROM users WHERE id = ? AND disabled = 0').get(userId) as
    | { username: string; password_hash: string }
    | undefined;
  if (!user) throw new AppError('VALIDATION', 'No such active staff member.', { [fields.userId]: 'v.witnessUnknown' });
  const wait = c.throttle.waitFor(user.username, c.now);
  if (wait > 0) throw new AppError('RATE_LIMITED', 'Too many wrong passwords.', undefined, { retryAfterMs: wait });
  if (!verifyPassword(password, user.password_hash)) {
    c.throttle.recordFailure(user.username, c.now);
    throw new AppError('BAD_CREDENTIALS', wrongPasswordMessage, { [fields.password]: 'v.badCredentials' });
  }
  c.throttle.recordSuccess(user.username);
}

/**
 * The second staff member signs with their own password; they must be another active account.
 * `path` is where the witness sits in the caller's input (`witness` → errors at `witness.userId` and
 * `witness.password`; `acknowledgedBy` → `acknowledgedBy.userId`, …), so each feature's form shows them at its fields.
 */
export function coSign(c: WitnessCtx, witness: { userId: number; password: string }, path = 'witness'): void {
  const fields = { userId: `${path}.userId`, password: `${path}.password` };
  if (witness.userId === c.actorId) throw new AppError('VALIDATION', 'The second witness must be someone else.', { [fields.userId]: 'v.witnessSelf' });
  // Stryker disable next-line StringLiteral: the English text of the BAD_CREDENTIALS error, as on confirmPassword's default above
  confirmPassword(c, witness.userId, witness.password, fields, 'The witness’s password is wrong.');
}
