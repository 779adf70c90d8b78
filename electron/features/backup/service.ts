import { TZDate } from '@date-fns/tz';
import { format, getISOWeek, getISOWeekYear } from 'date-fns';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupFile } from '../../../shared/contract/backup';
import { checkBackup, writeBackup } from '../../db/backup';
import type { DB } from '../../db/open';
import { backupsToKeep } from './rotation';

export const BACKUP_DIR = 'backups';
const NAME = /^stationdesk-(\d{8}-\d{6})(?:-(\d+))?-(auto|manual|before-restore)\.sqlite$/;
const kindOf = (name: string) => NAME.exec(name)?.[3];

/** `stationdesk-20260720-030000-auto.sqlite`; a second one in the same second gets `-2` before the kind. */
export function backupName(at: number, timeZone: string, kind: 'auto' | 'manual' | 'before-restore', n = 1): string {
  return `stationdesk-${format(new TZDate(at, timeZone), 'yyyyMMdd-HHmmss')}${n > 1 ? `-${n}` : ''}-${kind}.sqlite`;
}

export function describeBackup(file: string): BackupFile {
  const name = path.basename(file);
  const kind = kindOf(name);
  const check = checkBackup(file);
  return {
    file,
    name,
    size: fs.existsSync(file) ? fs.statSync(file).size : 0,
    kind: kind === undefined ? 'other' : kind === 'before-restore' ? 'before_restore' : (kind as 'auto' | 'manual'),
    madeAt: check.madeAt,
    ok: check.ok,
    problem: check.problem,
  };
}

/** The backups in a folder, newest first (by the time in their name, else the file time). */
export function listBackups(folder: string): BackupFile[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => path.join(folder, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs || b.localeCompare(a))
    .map(describeBackup);
}

/** Writes one backup; the name carries the station-clock time and the kind. */
export function backupInto(db: DB, folder: string, at: number, timeZone: string, kind: 'auto' | 'manual' | 'before-restore'): BackupFile {
  let file = path.join(folder, backupName(at, timeZone, kind));
  for (let n = 2; fs.existsSync(file); n++) file = path.join(folder, backupName(at, timeZone, kind, n));
  writeBackup(db, file);
  return describeBackup(file);
}

/** Deletes automatic backups beyond the retention (7 daily, 4 weekly by default); never manual ones. */
export function rotate(folder: string, now: number, timeZone: string, opts: { daily: number; weekly: number }): string[] {
  if (!fs.existsSync(folder)) return [];
  const autos = fs
    .readdirSync(folder)
    .filter((f) => kindOf(f) === 'auto')
    .map((f) => {
      const file = path.join(folder, f);
      const at = fs.statSync(file).mtimeMs;
      const d = new TZDate(at, timeZone);
      return { file, at, day: format(d, 'yyyy-MM-dd'), week: `${getISOWeekYear(d)}-W${getISOWeek(d)}` };
    });
  const keep = backupsToKeep(autos, format(new TZDate(now, timeZone), 'yyyy-MM-dd'), opts);
  const removed = autos.filter((b) => !keep.has(b.file)).map((b) => b.file);
  for (const f of removed) fs.rmSync(f);
  return removed;
}

export function lastAutoBackupAt(folder: string): number | null {
  if (!fs.existsSync(folder)) return null;
  const times = fs
    .readdirSync(folder)
    .filter((f) => kindOf(f) === 'auto')
    .map((f) => fs.statSync(path.join(folder, f)).mtimeMs);
  return times.length ? Math.max(...times) : null;
}
