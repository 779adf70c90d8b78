import { TZDate } from '@date-fns/tz';
import { format, getISOWeek, getISOWeekYear } from 'date-fns';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupFile } from '../../../shared/contract/backup';
import { PARTIAL, writeBackup } from '../../db/backup';
import { checkBackupInBackground, type BackupCheck } from '../../db/check';
import type { DB } from '../../db/open';
import { backupsToKeep } from './rotation';

export const BACKUP_DIR = 'backups';
const NAME = /^stationdesk-(\d{8}-\d{6})(?:-(\d+))?-(auto|manual|before-restore)\.sqlite$/;
const kindOf = (name: string) => NAME.exec(name)?.[3];

/** `stationdesk-20260720-030000-auto.sqlite`; a second one in the same second gets `-2` before the kind. */
export function backupName(at: number, timeZone: string, kind: 'auto' | 'manual' | 'before-restore', n = 1): string {
  return `stationdesk-${format(new TZDate(at, timeZone), 'yyyyMMdd-HHmmss')}${n > 1 ? `-${n}` : ''}-${kind}.sqlite`;
}

/**
 * What is known of each backup file's check, by path, for the size and time it had when checked. A check reads the
 * whole file (seconds each on years of data), so it runs once per file version, on a worker thread.
 */
const checks = new Map<string, { version: string; check: BackupCheck | null; pending: Promise<BackupCheck> | null }>();
const versionOf = (file: string) => {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  // Stryker disable next-line StringLiteral: any constant serves, as no file version written as size:time equals it
  return st ? `${st.size}:${st.mtimeMs}` : 'missing';
};

/** The checks waiting and running, one after another. */
let queue: Promise<unknown> = Promise.resolve();

/** The file's check: the known answer, or a new one on a worker thread. */
export function checkBackupFile(file: string): Promise<BackupCheck> {
  const version = versionOf(file);
  const known = checks.get(file);
  if (known?.version === version) return known.check ? Promise.resolve(known.check) : known.pending!;
  const entry = { version, check: null as BackupCheck | null, pending: null as Promise<BackupCheck> | null };
  // One at a time, in the order asked (a list asks newest first): eleven 700 MB files read at once would take the
  // PC's disk and memory from the desk.
  const pending = queue.then(() => checkBackupInBackground(file));
  queue = pending;
  entry.pending = pending.then((check) => {
    entry.check = check;
    entry.pending = null;
    return check;
  });
  checks.set(file, entry);
  return entry.pending;
}

/** Settles when every check started so far has answered (tests; the recovery screen's first look). */
export async function backupChecksSettled(): Promise<void> {
  await Promise.all([...checks.values()].map((c) => c.pending));
}

/** A backup file as the lists show it; `ok: null` while its check is still running (it is started if need be). */
export function describeBackup(file: string): BackupFile {
  const name = path.basename(file);
  const kind = kindOf(name);
  void checkBackupFile(file);
  const known = checks.get(file);
  // Stryker disable next-line OptionalChaining: checkBackupFile has just put the file's entry in
  const check = known?.check ?? null;
  return {
    file,
    name,
    size: fs.existsSync(file) ? fs.statSync(file).size : 0,
    kind: kind === undefined ? 'other' : kind === 'before-restore' ? 'before_restore' : (kind as 'auto' | 'manual'),
    madeAt: check?.madeAt ?? null,
    ok: check ? check.ok : null,
    problem: check?.problem ?? null,
  };
}

/** The backups in a folder, newest first by the file's modification time; a tie by name, descending. */
export function listBackups(folder: string): BackupFile[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => path.join(folder, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs || b.localeCompare(a))
    .map(describeBackup);
}

/** A new file name in `folder` for a backup made at `at` (a second one in the same second gets `-2`, …). */
export function newBackupFile(folder: string, at: number, timeZone: string, kind: 'auto' | 'manual' | 'before-restore'): string {
  let file = path.join(folder, backupName(at, timeZone, kind));
  for (let n = 2; fs.existsSync(file); n++) file = path.join(folder, backupName(at, timeZone, kind, n));
  return file;
}

/**
 * Writes one backup and checks the copy, both on worker threads (the station keeps answering); the name carries
 * the station-clock time and the kind.
 */
export async function backupInto(
  db: DB,
  folder: string,
  at: number,
  timeZone: string,
  kind: 'auto' | 'manual' | 'before-restore',
  on: { progress?: (done: number, total: number) => void; checking?: () => void } = {},
): Promise<BackupFile> {
  const file = newBackupFile(folder, at, timeZone, kind);
  await writeBackup(db, file, on.progress);
  on.checking?.();
  await checkBackupFile(file);
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
  // A backup cut off by a crash or power cut, a day old: no writer is coming back for it.
  for (const f of fs.readdirSync(folder).filter((n) => n.endsWith(PARTIAL))) {
    const file = path.join(folder, f);
    if (now - fs.statSync(file).mtimeMs > 24 * 3_600_000) removed.push(file);
  }
  // With its companions, should an older version have left any beside it.
  for (const f of removed) for (const ext of ['', '-wal', '-shm']) fs.rmSync(f + ext, { force: true });
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
