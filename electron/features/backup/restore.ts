import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fs from 'node:fs';
import path from 'node:path';
import type { RestoreResult } from '../../../shared/contract/backup';
import { AppError } from '../../../shared/domain/result';
import { installBackup, putBack, setAside, writeBackup } from '../../db/backup';
import type { BackupCheck } from '../../db/check';
import { closeDatabase, openDatabase } from '../../db/open';
import type { JobReport } from '../../rpc/jobs';
import type { CoreServices, StationFiles } from '../../rpc/context';
import { backupName, checkBackupFile } from './service';

/**
 * What a restore will do, decided before anything is touched (so it can be audited and returned). Refuses a file
 * that is not a good StationDesk backup, naming why at the field.
 */
export function planRestore(files: StationFiles, file: string, check: BackupCheck, now: number, timeZone: string, keepCurrentAs: 'replaced' | 'broken'): RestoreResult {
  if (!check.ok) throw new AppError('VALIDATION', `This file cannot be restored (${check.problem}).`, { file: `v.backup.${check.problem}` });
  const stamp = format(new TZDate(now, timeZone), 'yyyyMMdd-HHmmss');
  const current = fs.existsSync(files.databaseFile);
  return {
    restoredFrom: file,
    madeAt: check.madeAt,
    setAside: current ? `${files.databaseFile}.${keepCurrentAs}-${stamp}` : null,
    safetyBackup: keepCurrentAs === 'replaced' ? path.join(files.backupDir, backupName(now, timeZone, 'before-restore')) : null,
  };
}

/**
 * Carries out a plan on the real services, after its safety backup is written: the current file set aside (never
 * deleted), the backup copied in and opened (migrated if older), every session ended. Synchronous, so nothing
 * runs between closing the old database and opening the new one. The caller records it in the restored
 * database's audit trail.
 */
export function executeRestore(services: CoreServices, plan: RestoreResult): void {
  const { databaseFile, dataDir } = services.files;
  closeDatabase(services.db);
  let movedAside = false;
  try {
    if (plan.setAside) {
      setAside(databaseFile, plan.setAside);
      movedAside = true;
    }
    installBackup(plan.restoredFrom, databaseFile);
    services.db = openDatabase(dataDir).db;
  } catch (e) {
    // Whatever failed (a file held open elsewhere, a full disk), the station goes on with its own database.
    if (movedAside) putBack(plan.setAside!, databaseFile); // the old database back exactly as it was
    services.db = openDatabase(dataDir).db;
    throw e;
  }
  services.sessions.clear();
}

/**
 * The whole restore as a job: check the file and write the safety backup of the current data (both on worker
 * threads), then replace the database. The station answers throughout, up to the moment of replacing.
 */
export async function restoreInSteps(services: CoreServices, file: string, now: number, timeZone: string, report: JobReport): Promise<RestoreResult> {
  report('checking');
  const plan = planRestore(services.files, file, await checkBackupFile(file), now, timeZone, 'replaced');
  if (plan.safetyBackup) await writeBackup(services.db, plan.safetyBackup, (done, total) => report('copying', done, total));
  report('replacing');
  executeRestore(services, plan);
  return plan;
}
