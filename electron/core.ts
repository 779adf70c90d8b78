import path from 'node:path';
import type { ProcedureName } from '../shared/contract';
import { closeDatabase, openDatabase, type DB } from './db/open';
import type { MigrationReport } from './db/migrate';
import { accountsHandlers } from './features/accounts/procedures';
import { authHandlers } from './features/accounts/auth-procedures';
import { LoginThrottle } from './features/accounts/throttle';
import { alertsHandlers } from './features/alerts/procedures';
import { auditHandlers } from './features/audit/procedures';
import { backupHandlers } from './features/backup/procedures';
import { BACKUP_DIR } from './features/backup/service';
import { ExportFiles } from './features/export/files';
import { exportHandlers } from './features/export/procedures';
import { handoverHandlers } from './features/handover/procedures';
import { intakeHandlers } from './features/intake/procedures';
import { peopleHandlers } from './features/people/procedures';
import { patrolHandlers, rosterHandlers } from './features/roster/procedures';
import { settingsHandlers } from './features/settings/procedures';
import { setupHandlers } from './features/setup/procedures';
import { stockHandlers } from './features/stock/procedures';
import { createLogger, type Logger } from './log';
import type { CoreServices, Handlers } from './rpc/context';
import { createDispatcher, type Dispatch } from './rpc/dispatch';
import { Jobs } from './rpc/jobs';
import { SessionStore } from './rpc/sessions';

/** Every handler, checked by the compiler against the whole contract: a missing one does not build. */
export const handlers: Handlers<ProcedureName> = {
  ...setupHandlers,
  ...authHandlers,
  ...accountsHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...peopleHandlers,
  ...intakeHandlers,
  ...backupHandlers,
  ...alertsHandlers,
  ...exportHandlers,
  ...rosterHandlers,
  ...patrolHandlers,
  ...handoverHandlers,
  ...stockHandlers,
};

export interface Core {
  /** The open database (a getter: a restore replaces it). */
  readonly db: DB;
  dataDir: string;
  databaseFile: string;
  migration: MigrationReport;
  /** quick_check already ran during the open (a migration was pending); otherwise it is the station's to run. */
  checkedAtOpen: boolean;
  dispatch: Dispatch;
  services: CoreServices;
  close(): void;
}

export interface CoreOptions {
  dataDir: string;
  clock?: () => number;
  logger?: Logger;
}

/**
 * The main process's whole job, without Electron: open the data folder's database, migrate it,
 * and answer procedure calls. The Electron shell and the browser host each wrap one Core.
 */
export function openCore(opts: CoreOptions): Core {
  const logger = opts.logger ?? createLogger(path.join(opts.dataDir, 'logs'));
  const { db, file, migration, checked } = openDatabase(opts.dataDir);
  const clock = opts.clock ?? Date.now;
  const services: CoreServices = {
    db,
    files: { dataDir: opts.dataDir, databaseFile: file, backupDir: path.join(opts.dataDir, BACKUP_DIR) },
    clock,
    jobs: new Jobs(clock, logger),
    exports: new ExportFiles(clock, logger),
    sessions: new SessionStore(),
    throttle: new LoginThrottle(),
    logger,
  };
  if (migration.applied.length) logger.info('database migrated', { ...migration });
  return {
    get db() {
      return services.db;
    },
    dataDir: opts.dataDir,
    databaseFile: file,
    migration,
    checkedAtOpen: checked,
    dispatch: createDispatcher(services, handlers),
    services,
    close: () => closeDatabase(services.db),
  };
}
