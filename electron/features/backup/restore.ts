import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fs from 'node:fs';
import path from 'node:path';
import type { RestoreResult } from '../../../shared/contract/backup';
import { AppError } from '../../../shared/domain/result';
import { checkBackup, installBackup, putBack, writeBackup } from '../../db/backup';
import { closeDatabase, openDatabase } from '../../db/open';
import type { CoreServices, StationFiles } from '../../rpc/context';
import { backupName } from './service';

/** Refuses a file that is not a good StationDesk backup, naming why at the field. */
export function requireGoodBackup(file: string): ReturnType<typeof checkBackup> {
  const check = checkBackup(file);
  if (!check.ok) throw new AppError('VALIDATION', `This file cannot be restored (${check.problem}).`, { file: `v.backup.${check.problem}` });
  return check;
}

/** What a restore will do, decided before anything is touched (so it can be audited and returned). */
export function planRestore(files: StationFiles, file: string, now: number, timeZone: string, keepCurrentAs: 'replaced' | 'broken'): RestoreResult {
  const check = requireGoodBackup(file);
  const stamp = format(new TZDate(now, timeZone), 'yyyyMMdd-HHmmss');
  const current = fs.existsSync(files.databaseFile);
  return {
    restoredFrom: file,
    madeAt: check.madeAt,
    setAside: current ? `${files.databaseFile}.${keepCurrentAs}-${stamp}` : null,
    safetyBackup: keepCurrentAs === 'replaced' ? path.join(files.backupDir, backupName(now, timeZone, 'before-restore')) : null,
  };
}

function moveAside(file: string, to: string): void {
  fs.renameSync(file, to);
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(file + ext)) fs.renameSync(file + ext, to + ext);
}

/**
 * Carries out a plan on the real services: a safety backup of the current data (when it can be read), the
 * current file set aside (never deleted), the backup copied in and opened (migrated if older), every
 * session ended. The caller records it in the restored database's audit trail.
 */
export function executeRestore(services: CoreServices, plan: RestoreResult): void {
  const { databaseFile, dataDir } = services.files;
  if (plan.safetyBackup) writeBackup(services.db, plan.safetyBackup);
  closeDatabase(services.db);
  if (plan.setAside) moveAside(databaseFile, plan.setAside);
  try {
    installBackup(plan.restoredFrom, databaseFile);
    services.db = openDatabase(dataDir).db;
  } catch (e) {
    if (plan.setAside) putBack(plan.setAside, databaseFile); // the old database back exactly as it was
    services.db = openDatabase(dataDir).db;
    throw e;
  }
  services.sessions.clear();
}
