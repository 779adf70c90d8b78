import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { contract, isProcedureName, type ProcedureName } from '../../shared/contract';
import type { ProcedureDef } from '../../shared/contract/define';
import { AppError, fail, ok, type Result } from '../../shared/domain/result';
import { permissionsOf } from '../../shared/domain/roles';
import { loadActor } from '../features/accounts/service';
import { appendAudit, appendAuditAlone } from '../features/audit/chain';
import { readSettings } from '../features/settings/service';
import type { Actor, AuditInput, Caller, CoreServices, Handler, HandlerContext, Handlers } from './context';
import type { Session } from './sessions';

export type Dispatch = (procedure: string, input: unknown, caller: Caller) => Result<unknown>;

/** Zod issues → `{ 'admin.password': 'v.passwordTooShort' }`, the first message for each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '(root)';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * The one dispatcher behind both transports:
 * validate the input → check the caller's session and permission → run the handler and its audit rows
 * in one transaction → a Result. A rejected call writes nothing; nothing thrown escapes.
 */
export function createDispatcher(services: CoreServices, handlers: Handlers<ProcedureName>): Dispatch {
  return function dispatch(procedure, rawInput, caller) {
    if (!isProcedureName(procedure)) {
      return fail({ code: 'UNKNOWN_PROCEDURE', message: `No procedure named ${JSON.stringify(procedure).slice(0, 100)}` });
    }
    const def: ProcedureDef = contract[procedure];
    try {
      const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput);
      if (!parsed.success) {
        return fail({ code: 'VALIDATION', message: 'The input is not valid.', fields: fieldErrors(parsed.error) });
      }
      const now = services.clock();
      const { session, actor } = authorize(services, def, procedure, caller, now);
      const handler = handlers[procedure] as Handler<ProcedureName>;
      return ok(run(services, def, procedure, handler, parsed.data, session, actor, now));
    } catch (e) {
      if (e instanceof AppError) return fail(e.toShape());
      const incident = randomUUID();
      services.logger.error(`procedure ${procedure} failed`, {
        incident,
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      });
      return fail({
        code: 'INTERNAL',
        message: 'Something went wrong inside StationDesk; nothing was saved.',
        detail: { incident },
      });
    }
  };
}

function authorize(
  services: CoreServices,
  def: ProcedureDef,
  procedure: ProcedureName,
  caller: Caller,
  now: number,
): { session: Session | null; actor: Actor | null } {
  // Stryker disable next-line ObjectLiteral: `{}` leaves both undefined, which every reader takes as nobody, as it takes null
  if (def.access === 'public') return { session: null, actor: null };
  const session = services.sessions.get(caller.sessionId);
  if (!session) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
  // Read the user afresh on every call: a disabled account or changed roles take effect at once.
  const actor = loadActor(services.db, session.userId);
  if (!actor) {
    services.sessions.endAllOf(session.userId);
    throw new AppError('UNAUTHENTICATED', 'This account is no longer active. Please sign in again.');
  }
  const idleMs = readSettings(services.db).idleLockMinutes * 60_000;
  if (!session.locked && now - session.lastActivity > idleMs) session.locked = true;
  if (def.access === 'session') return { session, actor };

  if (session.locked) throw new AppError('LOCKED', 'The screen is locked. Enter your password to continue.');
  if (actor.mustChangePassword) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password before continuing.');
  }
  if (def.access !== 'user' && !permissionsOf(actor.roles).includes(def.access)) {
    throw new AppError('FORBIDDEN', `Your roles do not allow ${procedure}.`, undefined, { permission: def.access });
  }
  session.lastActivity = now;
  return { session, actor };
}

function run(
  services: CoreServices,
  def: ProcedureDef,
  procedure: ProcedureName,
  handler: Handler<ProcedureName>,
  input: unknown,
  session: Session | null,
  actor: Actor | null,
  now: number,
): unknown {
  let audited = false;
  const afterCommit: Array<() => void> = [];
  const ctx: HandlerContext = {
    ...services,
    procedure,
    now,
    session,
    actor,
    audit(entry: AuditInput) {
      if (def.kind === 'query') throw new Error(`${procedure} is a query and may not write audit rows`);
      const who = entry.actor ?? (actor ? { id: actor.id, name: actor.displayName } : null);
      // Stryker disable next-line ConditionalExpression: without the check, reading who.id throws just the same (INTERNAL); the check names the bug in the log
      if (!who) throw new Error(`${procedure}: an audit row needs an actor`);
      // An operation has no surrounding transaction: its row gets one of its own. `services.db` is read
      // here, not captured, because a restore replaces it.
      const write = (row: Parameters<typeof appendAudit>[1]) =>
        // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: on the process's one connection both write the same row: better-sqlite3 runs a transaction inside a mutation's as a savepoint, and a lone append outside one commits by itself
        def.kind === 'operation' ? appendAuditAlone(services.db, row) : appendAudit(services.db, row);
      write({
        at: now,
        actorId: who.id,
        actorName: who.name,
        procedure,
        entity: entry.entity,
        entityId: entry.entityId == null ? null : String(entry.entityId),
        before: entry.before,
        after: entry.after,
      });
      audited = true;
    },
    afterCommit: (fn) => void afterCommit.push(fn),
    services,
  };
  const call = () => handler(input as never, ctx);
  let value: unknown;
  if (def.kind === 'operation') {
    value = call();
    if (!audited) throw new Error(`operation ${procedure} wrote no audit row`);
  } else if (def.kind === 'mutation') {
    value = services.db.transaction(() => {
      const out = call();
      if (!audited) throw new Error(`mutation ${procedure} wrote no audit row`);
      return out;
    }).immediate();
  } else {
    value = call();
  }
  for (const fn of afterCommit) fn();
  return value;
}
