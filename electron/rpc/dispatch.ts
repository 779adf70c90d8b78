import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { contract, isProcedureName, type ProcedureName } from '../../shared/contract';
import type { ProcedureDef } from '../../shared/contract/define';
import { withValidationContext, type ValidationContext } from '../../shared/contract/validation-context';
import { AppError, fail, ok, type Result } from '../../shared/domain/result';
import { permissionsOf } from '../../shared/domain/roles';
import { stationDay } from '../../shared/domain/time';
import type { StationSettings } from '../../shared/contract/settings';
import { loadActor } from '../features/accounts/service';
import { appendAudit, appendAuditAlone } from '../features/audit/chain';
import { readSettings } from '../features/settings/service';
import type { Actor, AuditInput, Caller, CoreServices, Handler, HandlerContext, Handlers } from './context';
import { auditAfter } from './audit-record';
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
      const now = services.clock();
      // Read once per call: the validation, the idle lock and the handler all see the same settings.
      const settings = readSettings(services.db);
      const parsed = withValidationContext(validationContext(settings, now), () => def.input.safeParse(rawInput === undefined ? {} : rawInput));
      if (!parsed.success) {
        return fail({ code: 'VALIDATION', message: 'The input is not valid.', fields: fieldErrors(parsed.error) });
      }
      const { session, actor } = authorize(services, def, procedure, caller, now, settings);
      const handler = handlers[procedure] as Handler<ProcedureName>;
      const call: CallState = { procedure, now, settings, today: stationDay(now, settings.timeZone), session, actor };
      return ok(run(services, def, handler, parsed.data, call));
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

/** The date rules measure against this call's clock and the station's settings (shared/contract/validation-context.ts). */
export function validationContextOf(services: CoreServices, now: number): ValidationContext {
  return validationContext(readSettings(services.db), now);
}

function validationContext({ timeZone, dateFloor, lateRegistrationHours }: StationSettings, now: number): ValidationContext {
  return { now, timeZone, dateFloor, lateRegistrationHours };
}

function authorize(
  services: CoreServices,
  def: ProcedureDef,
  procedure: ProcedureName,
  caller: Caller,
  now: number,
  settings: StationSettings,
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
  const idleMs = settings.idleLockMinutes * 60_000;
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

/** What the dispatcher knows of a call once it is authorized: the part of the HandlerContext that is not a service. */
type CallState = Pick<HandlerContext, 'procedure' | 'now' | 'settings' | 'today' | 'session' | 'actor'>;

function run(services: CoreServices, def: ProcedureDef, handler: Handler<ProcedureName>, input: unknown, call: CallState): unknown {
  const { procedure, now, actor } = call;
  let audited = 0;
  const afterCommit: Array<() => void> = [];
  const ctx: HandlerContext = {
    ...services,
    ...call,
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
        after: auditAfter(input, entry.entity, entry.entityId, entry.after),
      });
      audited += 1;
    },
    afterCommit: (fn) => void afterCommit.push(fn),
    services,
  };
  const invoke = () => handler(input as never, ctx);
  let value: unknown;
  if (def.kind === 'operation') {
    value = invoke();
    if (audited === 0) throw new Error(`operation ${procedure} wrote no audit row`);
  } else if (def.kind === 'mutation') {
    value = services.db.transaction(() => {
      const out = invoke();
      if (audited === 0) throw new Error(`mutation ${procedure} wrote no audit row`);
      return out;
    }).immediate();
  } else {
    value = invoke();
  }
  for (const fn of afterCommit) fn();
  return value;
}
