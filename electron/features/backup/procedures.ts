import fs from 'node:fs';
import path from 'node:path';
import type { backupContract } from '../../../shared/contract/backup';
import { AppError } from '../../../shared/domain/result';
import { requireActor, type Handlers } from '../../rpc/context';
import { readSettings } from '../settings/service';
import { planRestore } from './restore';
import { backupInto, lastAutoBackupAt, listBackups } from './service';

export const backupHandlers: Handlers<keyof typeof backupContract> = {
  'backup.list': (_input, ctx) => ({
    folder: ctx.files.backupDir,
    backups: listBackups(ctx.files.backupDir),
    lastAutoAt: lastAutoBackupAt(ctx.files.backupDir),
  }),

  'backup.run': (input, ctx) => {
    const folder = input.folder ?? ctx.files.backupDir;
    if (path.resolve(folder) === path.resolve(ctx.files.dataDir)) {
      throw new AppError('VALIDATION', 'Choose a folder other than the data folder.', { folder: 'v.backupFolder' });
    }
    // A chosen folder (a USB stick, a network share) must exist: nothing creates folders elsewhere on the PC.
    if (input.folder !== undefined && !(fs.existsSync(folder) && fs.statSync(folder).isDirectory())) {
      throw new AppError('VALIDATION', 'No such folder.', { folder: 'v.backupFolderMissing' });
    }
    let made;
    try {
      made = backupInto(ctx.db, folder, ctx.now, readSettings(ctx.db).timeZone, 'manual');
    } catch (e) {
      throw new AppError('VALIDATION', `Cannot write a backup there: ${e instanceof Error ? e.message : String(e)}`, { folder: 'v.backupFolderUnwritable' });
    }
    ctx.audit({ entity: 'backup', entityId: made.name, after: { file: made.file, size: made.size } });
    return made;
  },

  'backup.restore': (input, ctx) => {
    const actor = requireActor(ctx);
    const plan = planRestore(ctx.files, input.file, ctx.now, readSettings(ctx.db).timeZone, 'replaced');
    ctx.restore(plan);
    // Written into the restored database's own trail; by name, since the account may not exist there.
    ctx.audit({ entity: 'station', entityId: null, actor: { id: null, name: actor.displayName }, after: plan });
    return plan;
  },

  'recovery.status': () => ({ mode: 'normal' }),
  'recovery.restore': () => {
    throw new AppError('CONFLICT', 'The database is open: restore from the backup screen as an administrator.');
  },
};
