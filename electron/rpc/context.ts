import type { Contract, ProcedureName } from '../../shared/contract';
import type { OutputOf, ParsedInputOf } from '../../shared/contract/define';
import type { StationSettings } from '../../shared/contract/settings';
import type { Role } from '../../shared/domain/roles';
import type { DB } from '../db/open';
import type { Logger } from '../log';
import type { LoginThrottle } from '../features/accounts/throttle';
import type { FeatureRegistry } from '../features/registry';
import type { ExportFiles } from '../features/export/files';
import type { Jobs } from './jobs';
import type { Session, SessionStore } from './sessions';

/** The signed-in user as the dispatcher read them from the database for this call. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
}

/** One audit row of a call (its shape: electron/rpc/audit-record.ts). */
export interface AuditInput {
  entity: string;
  entityId?: string | number | null;
  /** The values the change replaced: the changed columns as they were, for a change to existing rows. */
  before?: unknown;
  /**
   * What the change wrote: ids of the rows inserted, new values of the columns changed (contract names). The
   * dispatcher lays it over the call's input (less passwords and bulk), so the row says what was asked and done.
   */
  after?: object;
  /**
   * Only for calls without a session (setup, login): whom the row is about; or, after a restore, the actor
   * by name alone (their account may not exist in the restored database).
   */
  actor?: { id: number | null; name: string };
}

/** Where the station's files live. */
export interface StationFiles {
  dataDir: string;
  databaseFile: string;
  backupDir: string;
}

/** Long-lived services shared by every call. `db` is replaced when a backup is restored. */
export interface CoreServices {
  db: DB;
  files: StationFiles;
  clock: () => number;
  sessions: SessionStore;
  throttle: LoginThrottle;
  logger: Logger;
  /** Backups and restores running in the background. */
  jobs: Jobs;
  /** Export files being built after their call, or waiting to be fetched (their own queue, beside the jobs). */
  exports: ExportFiles;
  /** What the registered features give each other: alert providers, handover sections, demo sections (electron/features/index.ts). */
  features: FeatureRegistry;
}

export interface HandlerContext extends CoreServices {
  procedure: ProcedureName;
  now: number;
  /** The station's settings as this call began (read once per call; a handler that changes them reads them anew). */
  settings: StationSettings;
  /** The station-calendar day of `now`, in the station's time zone. */
  today: string;
  session: Session | null;
  actor: Actor | null;
  /** Writes an audit row in this call's transaction (mutations only). */
  audit(entry: AuditInput): void;
  /** Runs once the transaction has committed (in-memory effects such as creating a session). */
  afterCommit(fn: () => void): void;
  /** The live services, for work that outlasts the call (a job): their `db` is replaced by a restore. */
  services: CoreServices;
}

export type Handler<K extends ProcedureName> = (
  input: ParsedInputOf<Contract[K]>,
  ctx: HandlerContext,
) => OutputOf<Contract[K]>;

export type Handlers<K extends ProcedureName> = { [P in K]: Handler<P> };

/** The caller as a transport knows it. */
export interface Caller {
  sessionId?: string;
}

/** A handler's view of "this call needs a signed-in user": narrowed, or a bug in the access table. */
export function requireActor(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new Error(`${ctx.procedure} reached its handler without an actor`);
  return ctx.actor;
}
