import fs from 'node:fs';
import path from 'node:path';
import type { backupContract, BackupFile, Job, RestoreResult } from '../../../shared/contract/backup';
import { AppError } from '../../../shared/domain/result';
import { appendAuditAlone } from '../audit/chain';
import { requireActor, type Handlers, type HandlerContext } from '../../rpc/context';
import { restoreInSteps } from './restore';
import { backupInto, lastAutoBackupAt, listBackups } from './service';

/** The folder a manual backup goes to, refused at the field unless it exists, is writable, and is not the data folder. */
function backupFolder(ctx: HandlerContext, chosen: string | undefined): string {
  const folder = chosen ?? ctx.files.backupDir;
  if (path.resolve(folder) === path.resolve(ctx.files.dataDir)) {
    throw new AppError('VALIDATION', 'Choose a folder other than the data folder.', { folder: 'v.backupFolder' });
  }
  if (chosen === undefined) return folder;
  // A chosen folder (a USB stick, a network share) must exist: nothing creates folders elsewhere on the PC.
  if (!(fs.existsSync(folder) && fs.statSync(folder).isDirectory())) throw new AppError('VALIDATION', 'No such folder.', { folder: 'v.backupFolderMissing' });
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (e) {
    throw new AppError('VALIDATION', `Cannot write a backup there: ${e instanceof Error ? e.message : String(e)}`, { folder: 'v.backupFolderUnwritable' });
  }
  return folder;
}

export const backupHandlers: Handlers<keyof typeof backupContract> = {
  'backup.list': (_input, ctx) => ({
    folder: ctx.files.backupDir,
    backups: listBackups(ctx.files.backupDir),
    lastAutoAt: lastAutoBackupAt(ctx.files.backupDir),
    running: ctx.jobs.running() as Job<BackupFile> | Job<RestoreResult> | null,
  }),

  'backup.run': (input, ctx) => {
    const actor = requireActor(ctx);
    const folder = backupFolder(ctx, input.folder);
    const { timeZone } = ctx.settings;
    const job = ctx.jobs.start('backup', async (report): Promise<BackupFile> => {
      report('copying');
      const made = await backupInto(ctx.db, folder, ctx.now, timeZone, 'manual', {
        progress: (done, total) => report('copying', done, total),
        checking: () => report('checking'),
      });
      // What was written, in its own transaction once the copy is checked (`services.db`: a restore may follow).
      appendAuditAlone(ctx.services.db, {
        at: ctx.clock(),
        actorId: actor.id,
        actorName: actor.displayName,
        procedure: 'backup.run',
        entity: 'backup',
        entityId: made.name,
        before: null,
        after: { file: made.file, size: made.size, ok: made.ok },
      });
      return made;
    });
    ctx.audit({ entity: 'backup', entityId: null, after: { folder, job: job.id, started: true } });
    return job;
  },

  'backup.restore': (input, ctx) => {
    const actor = requireActor(ctx);
    if (!fs.existsSync(input.file)) throw new AppError('VALIDATION', 'No such file.', { file: 'v.backup.unreadable' });
    const { services } = ctx;
    const { timeZone } = ctx.settings;
    const job = ctx.jobs.start('restore', async (report) => {
      const plan = await restoreInSteps(services, input.file, ctx.now, timeZone, report);
      // Written into the restored database's own trail; by name, since the account may not exist there.
      appendAuditAlone(services.db, { at: ctx.clock(), actorId: null, actorName: actor.displayName, procedure: 'backup.restore', entity: 'station', entityId: null, before: null, after: plan });
      return plan;
    });
    ctx.audit({ entity: 'station', entityId: null, after: { restoreFrom: input.file, job: job.id, started: true } });
    return job;
  },

  'backup.job': (input, ctx) => {
    const job = ctx.jobs.get(input.id);
    if (!job) throw new AppError('NOT_FOUND', 'No such job.');
    return job as Job<BackupFile> | Job<RestoreResult>;
  },

  'recovery.status': () => ({ mode: 'normal' }),
  'recovery.restore': () => {
    throw new AppError('CONFLICT', 'The database is open: restore from the backup screen as an administrator.');
  },
};
