import path from 'node:path';
import { contract, isProcedureName } from '../shared/contract';
import type { BackupProblem, RecoveryStatus } from '../shared/contract/backup';
import { AppError, fail, ok, type Result } from '../shared/domain/result';
import { openCore, type Core, type CoreOptions } from './core';
import { DatabaseFromFutureError } from './db/migrate';
import { DATABASE_FILE, DatabaseCorruptError, quickCheck } from './db/open';
import { appendAuditAlone } from './features/audit/chain';
import { installBackup, setAside } from './db/backup';
import { checkBackup, checkInBackground } from './db/check';
import { planRestore } from './features/backup/restore';
import { BACKUP_DIR, listBackups } from './features/backup/service';
import { DEFAULT_SETTINGS } from './features/settings/service';
import { checkStockAtStartup } from './features/stock/startup';
import { createLogger } from './log';
import { fieldErrors, type Dispatch } from './rpc/dispatch';

/** Why the database could not be opened, in the words the recovery screen uses. */
export function classifyOpenError(e: unknown): { problem: BackupProblem; message: string } {
  if (e instanceof DatabaseFromFutureError) return { problem: 'future', message: e.message };
  if (e instanceof DatabaseCorruptError) return { problem: 'corrupt', message: e.message };
  const code = (e as { code?: string }).code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (/SQLITE_(CORRUPT|NOTADB)/.test(code) || /malformed|not a database/i.test(message)) {
    return { problem: 'corrupt', message: `The station's database is damaged (${message}). It has not been changed; restore a backup.` };
  }
  return { problem: 'unreadable', message: `The station's database cannot be opened: ${message}` };
}

export interface Station {
  /** One dispatcher whatever the state: the core's, or the recovery one while the database cannot be opened. */
  dispatch: Dispatch;
  readonly core: Core | null;
  readonly recovery: RecoveryStatus;
  /**
   * Settles when the start-up quick_check of the open database has answered (at once when the open already
   * checked, or nothing opened), and then the stock balances check. A damaged file has then put the station in
   * recovery mode; stock balances that differ from their movements are logged and alerted (stock/startup.ts).
   */
  readonly checked: Promise<void>;
  close(): void;
}

/**
 * Opens the station's data folder. A damaged, unreadable or newer database never crashes start-up and is
 * never changed: the station starts in recovery mode, where only `recovery.status` and `recovery.restore`
 * answer (every other call gets DATABASE_UNAVAILABLE), until a checked backup is restored.
 */
export function openStation(opts: CoreOptions): Station {
  const logger = opts.logger ?? createLogger(path.join(opts.dataDir, 'logs'));
  const clock = opts.clock ?? Date.now;
  const files = { dataDir: opts.dataDir, databaseFile: path.join(opts.dataDir, DATABASE_FILE), backupDir: path.join(opts.dataDir, BACKUP_DIR) };
  let core: Core | null = null;
  let problem: { problem: BackupProblem; message: string } | null = null;
  let checked: Promise<void> = Promise.resolve();

  /**
   * The start-up quick_check, on a worker thread: on ten years of data it reads the whole 700 MB file (about 3 s)
   * and the desk can work meanwhile. Damage found puts the station in recovery mode; every later call then gets
   * DATABASE_UNAVAILABLE and the window shows the recovery screen. A restore in the meantime makes the answer moot.
   */
  const checkOpened = async (opened: Core): Promise<void> => {
    const started = clock();
    const connection = opened.db; // a restore meanwhile replaces the connection, and this answer is about the old file
    const moot = () => core !== opened || opened.db !== connection;
    let damage: unknown = null;
    try {
      const answer = await checkInBackground(opened.databaseFile);
      if (answer !== 'ok') damage = new DatabaseCorruptError(answer);
    } catch (workerFailed) {
      // The worker could not run (or SQLite refused the file in it): check here rather than not at all.
      logger.error('quick_check worker failed; checking on the main thread', { error: workerFailed instanceof Error ? workerFailed.message : String(workerFailed) });
      if (moot()) return;
      try {
        quickCheck(opened.db);
      } catch (e) {
        damage = e;
      }
    }
    if (moot()) return;
    if (!damage) {
      logger.info('start-up quick_check ok', { ms: clock() - started });
      return checkStock(opened);
    }
    problem = classifyOpenError(damage);
    logger.error('database damaged (start-up quick_check); recovery mode', { ...problem });
    core = null;
    // Closed without PRAGMA optimize: nothing more is written into a damaged file.
    opened.services.db.close();
  };

  /** Once the file is sound: the stock balances against their movements (loud when they differ, never blocking). */
  const checkStock = (opened: Core): Promise<void> =>
    checkStockAtStartup(opened.db, opened.databaseFile, clock, logger).then(
      () => undefined,
      (e: unknown) => logger.error('stock balance check failed', { error: e instanceof Error ? e.message : String(e) }),
    );

  const tryOpen = () => {
    try {
      const opened = openCore({ ...opts, logger });
      core = opened;
      problem = null;
      checked = opened.checkedAtOpen ? checkStock(opened) : checkOpened(opened);
    } catch (e) {
      problem = classifyOpenError(e);
      logger.error('database cannot be opened; recovery mode', { ...problem });
    }
  };
  tryOpen();

  const recoveryStatus = (): RecoveryStatus =>
    problem ? { mode: 'recovery', ...problem, databaseFile: files.databaseFile, backups: listBackups(files.backupDir) } : { mode: 'normal' };

  const recoveryDispatch: Dispatch = (procedure, input): Result<unknown> => {
    if (!isProcedureName(procedure)) return fail({ code: 'UNKNOWN_PROCEDURE', message: 'No such procedure.' });
    if (procedure === 'recovery.status') return ok(recoveryStatus());
    if (procedure !== 'recovery.restore') {
      return fail({ code: 'DATABASE_UNAVAILABLE', message: problem?.message ?? 'unavailable', detail: { problem: problem?.problem } });
    }
    const parsed = contract['recovery.restore'].input.safeParse(input ?? {});
    if (!parsed.success) return fail({ code: 'VALIDATION', message: 'The input is not valid.', fields: fieldErrors(parsed.error) });
    try {
      const now = clock();
      // No safety backup can be read from a broken file; it is kept as `.broken-<time>` instead.
      // Checked here, on this thread: no one can work while the station is in recovery mode.
      const plan = planRestore(files, parsed.data.file, checkBackup(parsed.data.file), now, DEFAULT_SETTINGS.timeZone, 'broken');
      // No core is open: set the broken file aside (never deleted) and copy the checked backup in.
      if (plan.setAside) setAside(files.databaseFile, plan.setAside);
      installBackup(plan.restoredFrom, files.databaseFile);
      tryOpen();
      if (!core) return fail({ code: 'INTERNAL', message: problem?.message ?? 'The restored database could not be opened.' });
      const opened: Core = core;
      appendAuditAlone(opened.db, { at: now, actorId: null, actorName: 'recovery', procedure: 'recovery.restore', entity: 'station', entityId: null, before: null, after: plan });
      return ok(plan);
    } catch (e) {
      if (e instanceof AppError) return fail(e.toShape());
      logger.error('recovery restore failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      return fail({ code: 'INTERNAL', message: 'The restore failed; nothing was changed.' });
    }
  };

  return {
    dispatch: (procedure, input, caller) => (core ? core.dispatch(procedure, input, caller) : recoveryDispatch(procedure, input, caller)),
    get core() {
      return core;
    },
    get recovery() {
      return recoveryStatus();
    },
    get checked() {
      return checked;
    },
    close: () => core?.close(),
  };
}
