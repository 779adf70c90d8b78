import type { authContract, SessionInfo } from '../../../shared/contract/auth';
import { AppError } from '../../../shared/domain/result';
import { permissionsOf } from '../../../shared/domain/roles';
import { requireActor, type Actor, type HandlerContext, type Handlers } from '../../rpc/context';
import type { Session } from '../../rpc/sessions';
import { resealKey } from '../signatures/keys';
import { findUserByName, getAccount, passwordHashOf, recordLogin, setPassword } from './service';
import { hashPassword, verifyPassword } from './password';

function sessionInfo(ctx: HandlerContext, session: Session, actor: Actor): SessionInfo {
  const { settings } = ctx;
  return {
    sessionId: session.id,
    user: { id: actor.id, username: actor.username, displayName: actor.displayName, roles: actor.roles },
    permissions: permissionsOf(actor.roles),
    mustChangePassword: actor.mustChangePassword,
    locked: session.locked,
    idleLockMinutes: settings.idleLockMinutes,
    stationName: settings.stationName,
    timeZone: settings.timeZone,
    dateFloor: settings.dateFloor,
    lateRegistrationHours: settings.lateRegistrationHours,
  };
}

function requireSession(ctx: HandlerContext): Session {
  // Stryker disable next-line ConditionalExpression: the dispatcher runs these 'session' and 'user' procedures only with a session, so the guard never fires
  if (!ctx.session) throw new Error(`${ctx.procedure} reached its handler without a session`);
  return ctx.session;
}

/** Checks a password for a known user, counting failures against the username's throttle. */
function checkPassword(ctx: HandlerContext, username: string, password: string, hash: string | undefined, field: string) {
  const wait = ctx.throttle.waitFor(username, ctx.now);
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', `Too many wrong passwords. Try again in ${Math.ceil(wait / 1000)} s.`, undefined, {
      retryAfterMs: wait,
    });
  }
  // An unknown name costs the same time as a known one, so names cannot be probed by timing.
  const good = hash ? verifyPassword(password, hash) : (hashPassword(password), false);
  if (!good) {
    ctx.throttle.recordFailure(username, ctx.now);
    throw new AppError('BAD_CREDENTIALS', 'Wrong username or password.', { [field]: 'v.badCredentials' });
  }
  ctx.throttle.recordSuccess(username);
}

export const authHandlers: Handlers<keyof typeof authContract> = {
  'auth.login': (input, ctx) => {
    const user = findUserByName(ctx.db, input.username);
    checkPassword(ctx, input.username, input.password, user?.passwordHash, 'password');
    // Stryker disable next-line ConditionalExpression: checkPassword has already refused an unknown name (no hash, BAD_CREDENTIALS), so the guard never fires
    if (!user) throw new Error('unreachable: password accepted for an unknown user');
    if (user.disabled) throw new AppError('FORBIDDEN', 'This account is disabled. Ask the station administrator.');
    recordLogin(ctx.db, user.id, ctx.now);
    ctx.audit({ entity: 'session', entityId: user.id, actor: { id: user.id, name: user.displayName }, after: { event: 'login' } });
    const session = ctx.sessions.open(user.id, ctx.now);
    ctx.afterCommit(() => ctx.sessions.add(session));
    return sessionInfo(ctx, session, user);
  },

  'auth.logout': (_input, ctx) => {
    const session = requireSession(ctx);
    ctx.audit({ entity: 'session', entityId: session.userId, after: { event: 'logout' } });
    ctx.afterCommit(() => ctx.sessions.end(session.id));
    return null;
  },

  'auth.session': (_input, ctx) => sessionInfo(ctx, requireSession(ctx), requireActor(ctx)),

  'auth.changePassword': (input, ctx) => {
    const actor = requireActor(ctx);
    const session = requireSession(ctx);
    checkPassword(ctx, actor.username, input.currentPassword, passwordHashOf(ctx.db, actor.id), 'currentPassword');
    const before = getAccount(ctx.db, actor.id);
    const after = setPassword(ctx.db, actor.id, input.newPassword, false, ctx.now);
    resealKey(ctx.db, actor.id, input.currentPassword, input.newPassword, ctx.now);
    ctx.audit({ entity: 'user', entityId: actor.id, before, after: { ...after, passwordChanged: true } });
    ctx.afterCommit(() => ctx.sessions.endAllOf(actor.id, session.id));
    session.lastActivity = ctx.now;
    return sessionInfo(ctx, session, { ...actor, mustChangePassword: false });
  },

  'auth.lock': (_input, ctx) => {
    requireSession(ctx).locked = true;
    return null;
  },

  'auth.unlock': (input, ctx) => {
    const actor = requireActor(ctx);
    const session = requireSession(ctx);
    checkPassword(ctx, actor.username, input.password, passwordHashOf(ctx.db, actor.id), 'password');
    session.locked = false;
    session.lastActivity = ctx.now;
    return sessionInfo(ctx, session, actor);
  },

  'auth.touch': () => null,
};
