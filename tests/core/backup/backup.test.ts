import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkBackup } from '../../../electron/db/check';
import { DATABASE_FILE } from '../../../electron/db/open';
import { verifyChain } from '../../../electron/features/audit/chain';
import { backupsToKeep } from '../../../electron/features/backup/rotation';
import { backupChecksSettled, backupInto, backupName, checkBackupFile, lastAutoBackupAt, listBackups, newBackupFile, rotate } from '../../../electron/features/backup/service';
import type { BackupFile, Job, RestoreResult } from '../../../shared/contract/backup';
import { restoreInSteps } from '../../../electron/features/backup/restore';
import { scheduleBackups } from '../../../electron/features/backup/schedule';
import { openStation as openStationFiles } from '../../../electron/station';
import { openStation, tempDir, type TestStation } from '../helpers';

const silent = { info() {}, error() {} };
let st: TestStation | undefined;
const dirs: string[] = [];
afterEach(() => {
  st?.close();
  st = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The job's outcome once it has finished, as `backup.job` reports it. */
async function finished<R>(s: TestStation, job: Job<R>): Promise<Job<R>> {
  await s.core.services.jobs.idle();
  return s.must('backup.job', { id: job.id }) as Job<R>;
}

async function backupNow(s: TestStation, input: { folder?: string } = {}): Promise<BackupFile> {
  const done = await finished(s, s.must('backup.run', input, s.adminSession));
  if (!done.result) throw new Error(`backup failed: ${JSON.stringify(done.error)}`);
  return done.result;
}

async function restoreNow(s: TestStation, file: string): Promise<Job<RestoreResult>> {
  return finished(s, s.must('backup.restore', { file }, s.adminSession));
}

function stationWithData() {
  st = openStation();
  st.must('settings.update', { stationName: '备份前的站名', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 }, st.adminSession);
  return st;
}

describe('backups', () => {
  it('writes a consistent, checked copy through SQLite (not a file copy) while the database is in use', async () => {
    const s = stationWithData();
    const made = await backupNow(s);
    expect(made).toMatchObject({ kind: 'manual', ok: true, problem: null });
    expect(made.file.startsWith(path.join(s.dir, 'backups'))).toBe(true);
    const copy = new Database(made.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'stationName'").pluck().get()).toBe('"备份前的站名"');
    expect(verifyChain(copy as never, 0).ok).toBe(true);
    copy.close();
    expect(s.must('backup.list', {}, s.adminSession).backups.map((b) => b.name)).toContain(made.name);
    // One file, nothing beside it, however often it is checked or listed.
    await backupChecksSettled();
    expect(fs.readdirSync(path.dirname(made.file))).toEqual([made.name]);
    const again = new Database(made.file, { readonly: true });
    expect(again.pragma('journal_mode', { simple: true })).toBe('delete');
    again.close();
  });

  it('backs up to a chosen existing folder (moving to a new PC) and refuses a missing one or the data folder', async () => {
    const s = stationWithData();
    const usb = tempDir('usb-');
    dirs.push(usb);
    expect(path.dirname((await backupNow(s, { folder: usb })).file)).toBe(usb);
    const refusal = (r: ReturnType<typeof s.call>) => (r.ok ? 'ok' : [r.error.code, r.error.fields]);
    expect(refusal(s.call('backup.run', { folder: path.join(usb, 'no', 'such') }, s.adminSession))).toEqual(['VALIDATION', { folder: 'v.backupFolderMissing' }]);
    expect(refusal(s.call('backup.run', { folder: s.dir }, s.adminSession))).toEqual(['VALIDATION', { folder: 'v.backupFolder' }]);
    expect(refusal(s.call('backup.run', { folder: 'backups' }, s.adminSession))).toEqual(['VALIDATION', { folder: 'v.absolutePath' }]);
    // A folder the station may not write to (a write-protected stick) is refused before any job starts.
    const access = vi.spyOn(fs, 'accessSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    try {
      expect(refusal(s.call('backup.run', { folder: usb }, s.adminSession))).toEqual(['VALIDATION', { folder: 'v.backupFolderUnwritable' }]);
    } finally {
      access.mockRestore();
    }
    expect(s.must('backup.list', {}, s.adminSession).running).toBeNull();
  });

  it('a manual backup reports copying, page by page, then checking the copy, then is finished', async () => {
    const s = stationWithData();
    const { jobs } = s.core.services;
    const start = jobs.start.bind(jobs);
    const steps: string[] = [];
    vi.spyOn(jobs, 'start').mockImplementation((kind, work) =>
      start(kind, (report) => work((step, done, total) => (steps.push(step), report(step, done, total)))),
    );
    const made = await backupNow(s);
    expect(made.ok).toBe(true);
    expect(steps[0]).toBe('copying');
    expect(steps.at(-1)).toBe('checking');
    expect(new Set(steps)).toEqual(new Set(['copying', 'checking']));
    expect(steps.filter((x) => x === 'copying').length).toBeGreaterThan(1); // the start, then the pages copied
  });

  it('a backup and a restore are on the record: who started each and with what, then what was written', async () => {
    const s = stationWithData();
    const made = await backupNow(s);
    const rows = s.must('audit.list', { procedure: 'backup.run' }, s.adminSession).rows;
    const started = rows.find((r) => r.entityId === null)!;
    expect(started).toMatchObject({ entity: 'backup', after: { folder: path.join(s.dir, 'backups'), started: true } });
    expect((started.after as { job: string }).job).toMatch(/^[0-9a-f-]{36}$/);
    const written = rows.find((r) => r.entityId === made.name)!;
    expect(written).toMatchObject({ entity: 'backup', actorName: started.actorName, after: { file: made.file, size: made.size, ok: true } });

    const job = await restoreNow(s, made.file);
    // Who started the restore is in the trail of the database it replaced, kept aside.
    const aside = new Database(job.result!.setAside!, { readonly: true });
    const asked = aside.prepare("SELECT entity, entity_id, actor_name, after FROM audit_log WHERE procedure = 'backup.restore'").get() as Record<string, string>;
    aside.close();
    expect({ ...asked, after: JSON.parse(asked.after!) }).toEqual({
      entity: 'station',
      entity_id: null,
      actor_name: started.actorName,
      after: { file: made.file, restoreFrom: made.file, job: job.id, started: true }, // the input, and what it started
    });
    // What was restored is in the restored database's own trail.
    const admin = s.must('auth.login', { username: 'admin', password: 'Admin-pass-1' }).sessionId;
    const restored = s.must('audit.list', { procedure: 'backup.restore' }, admin).rows;
    expect(restored).toHaveLength(1);
    expect(restored[0]).toMatchObject({ entity: 'station', entityId: null, actorName: started.actorName, after: job.result });
  });

  it('checks a candidate: corrupt, newer and foreign files are refused before anything is replaced', () => {
    const d = tempDir();
    dirs.push(d);
    const junk = path.join(d, 'junk.sqlite');
    fs.writeFileSync(junk, 'this is not a database at all, just text that happens to be long enough'.repeat(100));
    expect(checkBackup(junk)).toMatchObject({ ok: false, problem: 'corrupt' });
    const foreign = path.join(d, 'foreign.sqlite');
    new Database(foreign).exec('CREATE TABLE x (y)');
    expect(checkBackup(foreign)).toMatchObject({ ok: false, problem: 'not_stationdesk' });
    const future = path.join(d, 'future.sqlite');
    const f = new Database(future);
    f.exec('CREATE TABLE users (id); CREATE TABLE audit_log (at); CREATE TABLE settings (key, value)');
    f.pragma('user_version = 99999');
    f.close();
    expect(checkBackup(future)).toMatchObject({ ok: false, problem: 'future' });
    expect(checkBackup(path.join(d, 'missing.sqlite'))).toMatchObject({ ok: false, problem: 'unreadable' });
  });

  it('keeps every backup of today (up to a cap), 7 daily and 4 weekly, deleting only automatic ones', () => {
    const day = (n: number) => Date.UTC(2026, 6, 31) - n * 86_400_000;
    const list = Array.from({ length: 60 }, (_, n) => {
      const at = day(n);
      const d = new Date(at);
      return { file: `f${n}`, at, day: d.toISOString().slice(0, 10), week: `w${Math.floor((n + 4) / 7)}` };
    });
    const keep = backupsToKeep(list, '2026-07-31', { daily: 7, weekly: 4 });
    expect([...keep].sort()).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', ...['f10', 'f17', 'f24', 'f31']].sort());
    const folder = tempDir('rot-');
    dirs.push(folder);
    for (let n = 0; n < 20; n++) {
      const f = path.join(folder, `stationdesk-202607${String(31 - n).padStart(2, '0')}-120000-auto.sqlite`);
      fs.writeFileSync(f, '');
      fs.utimesSync(f, day(n) / 1000, day(n) / 1000);
    }
    fs.writeFileSync(path.join(folder, 'stationdesk-20260101-120000-manual.sqlite'), '');
    // Cut off by a crash: a day-old one goes, one being written now stays.
    const stale = path.join(folder, 'stationdesk-20260729-120000-auto.sqlite.partial');
    const writing = path.join(folder, 'stationdesk-20260731-115900-manual.sqlite.partial');
    fs.writeFileSync(stale, '');
    fs.utimesSync(stale, day(2) / 1000, day(2) / 1000);
    fs.writeFileSync(writing, '');
    fs.utimesSync(writing, day(0) / 1000, day(0) / 1000);
    const removed = rotate(folder, day(0), 'UTC', { daily: 7, weekly: 4 });
    expect(removed).toContain(stale);
    expect(fs.existsSync(writing)).toBe(true);
    expect(removed.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(folder, 'stationdesk-20260101-120000-manual.sqlite'))).toBe(true);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('-auto.sqlite'))).toHaveLength(20 - (removed.length - 1));
  });

  it('keeps the five newest backups of today, and of each earlier day only its newest, in whatever order the folder lists them', () => {
    const at = (daysAgo: number, hour: number) => Date.UTC(2026, 6, 31 - daysAgo, hour);
    const backup = (daysAgo: number, hour: number) => ({
      file: `d${daysAgo}-${hour}h`,
      at: at(daysAgo, hour),
      day: new Date(at(daysAgo, hour)).toISOString().slice(0, 10),
      week: '2026-W31',
    });
    const kept = (list: ReturnType<typeof backup>[]) => [...backupsToKeep(list, '2026-07-31', { daily: 7, weekly: 4 })].sort();
    // A busy day: seven of today, the two oldest go.
    const busy = [3, 9, 1, 7, 5, 2, 8].map((h) => backup(0, h)).concat([12, 20, 8].map((h) => backup(1, h)));
    expect(kept(busy)).toEqual(['d0-3h', 'd0-5h', 'd0-7h', 'd0-8h', 'd0-9h', 'd1-20h'].sort());
    // A quiet day: the places today leaves free are not taken by yesterday's others.
    const quiet = [6, 2].map((h) => backup(0, h)).concat([8, 20, 12].map((h) => backup(1, h)));
    expect(kept(quiet)).toEqual(['d0-2h', 'd0-6h', 'd1-20h']);
  });
});

describe('backups in steps', () => {
  /** A station big enough that a backup takes many steps (100 pages each). */
  function biggerStation() {
    const s = stationWithData();
    const db = s.core.db;
    const insert = db.prepare('INSERT INTO persons (name, description, created_at, created_by, updated_at) VALUES (?, ?, 1, 1, 1)');
    db.transaction(() => {
      for (let i = 0; i < 4000; i++) insert.run(`测试${i}`, '灰色外套，黑色裤子，随身一个编织袋'.repeat(4));
    })();
    return s;
  }

  it('runs beside the desk: the station answers and writes while it runs, and the copy is whole and checked', async () => {
    const s = biggerStation();
    const started = s.must('backup.run', {}, s.adminSession);
    expect(started).toMatchObject({ kind: 'backup', state: 'running', result: null });
    // A second one waits its turn.
    const second = s.call('backup.run', {}, s.adminSession);
    expect(second.ok || second.error.code).toBe('CONFLICT');
    // The backup page, opened meanwhile, finds it.
    expect(s.must('backup.list', {}, s.adminSession).running?.id).toBe(started.id);
    // While it runs, the desk writes.
    s.must('settings.update', { stationName: '备份途中改的站名', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 }, s.adminSession);
    expect(s.must('backup.job', { id: started.id }).state).toBe('running');
    const seen: { step: string; done: number; total: number }[] = [];
    let listedWhileWriting = false;
    for (;;) {
      await new Promise((r) => setTimeout(r, 5));
      const job = s.must('backup.job', { id: started.id });
      if (job.state !== 'running') break;
      seen.push({ step: job.step, done: job.done, total: job.total });
      // Half a backup is never listed as one.
      if (job.step === 'copying' && s.must('backup.list', {}, s.adminSession).backups.length) listedWhileWriting = true;
    }
    expect(listedWhileWriting).toBe(false);
    // Copying reported as it went, and at the end every page of the station copied.
    expect(seen.map((p) => p.step)).toContain('copying');
    expect(seen.every((p) => p.done <= p.total)).toBe(true);
    const done = s.must('backup.job', { id: started.id }) as Job<BackupFile>;
    expect(done.total).toBeGreaterThan(300);
    expect(done.done).toBe(done.total);
    expect(s.must('backup.list', {}, s.adminSession).running).toBeNull();
    expect(done).toMatchObject({ state: 'done', step: 'finished', result: { kind: 'manual', ok: true } });
    const copy = new Database(done.result!.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(4000);
    expect(verifyChain(copy as never, 0).ok).toBe(true);
    copy.close();
    expect(s.must('settings.get', {}, s.adminSession).stationName).toBe('备份途中改的站名');
    // Who started it and what was written, both in the trail.
    const rows = s.must('audit.list', { procedure: 'backup.run' }, s.adminSession).rows;
    expect(rows.map((r) => r.entityId)).toEqual(expect.arrayContaining([null, done.result!.name]));
  });

  it('lists a backup as being checked until the worker has read it, then with its answer', async () => {
    const s = stationWithData();
    const made = await backupNow(s);
    const copy = path.join(s.dir, 'backups', 'stationdesk-copied-in-by-hand.sqlite');
    fs.copyFileSync(made.file, copy);
    const first = s.must('backup.list', {}, s.adminSession).backups.find((b) => b.file === copy);
    expect(first).toMatchObject({ ok: null, problem: null });
    await backupChecksSettled();
    const later = s.must('backup.list', {}, s.adminSession).backups.find((b) => b.file === copy);
    expect(later).toMatchObject({ ok: true, problem: null, kind: 'other', madeAt: made.madeAt });
    expect(made.madeAt).toEqual(expect.any(Number));
  });

  it('an unknown job is NOT_FOUND, and a malformed id is refused at the field', () => {
    const s = stationWithData();
    const unknown = s.call('backup.job', { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.ok || unknown.error.code).toBe('NOT_FOUND');
    const bad = s.call('backup.job', { id: 'x' });
    expect(bad.ok || Object.keys(bad.error.fields ?? {})).toEqual(['id']);
  });
});

describe('automatic backups', () => {
  it('the quit backup runs as a job (a manual one meanwhile waits its turn), is checked, and is rotated', async () => {
    const s = stationWithData();
    const dir = s.dir;
    s.core.close();
    st = undefined;
    dirs.push(dir);
    const station = openStationFiles({ dataDir: dir, logger: silent });
    await station.checked;
    const admin = station.dispatch('auth.login', { username: 'admin', password: 'Admin-pass-1' }, {}) as { ok: true; value: { sessionId: string } };
    const caller = { sessionId: admin.value.sessionId };
    const backups = scheduleBackups(station, { logger: silent });
    backups.stop();
    const quitting = backups.onQuit();
    await new Promise((r) => setImmediate(r));
    const list = station.dispatch('backup.list', {}, caller) as { ok: true; value: { running: { kind: string } | null } };
    expect(list.value.running).toMatchObject({ kind: 'backup' });
    expect(station.dispatch('backup.run', {}, caller)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await quitting;
    const files = fs.readdirSync(path.join(dir, 'backups'));
    expect(files.filter((f) => f.endsWith('-auto.sqlite'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(checkBackup(path.join(dir, 'backups', files.find((f) => f.endsWith('-auto.sqlite'))!)).ok).toBe(true);
    station.close();
  });
});

describe('restore', () => {
  it('replaces the database with a backup, keeps the current one aside, ends sessions and records it', async () => {
    const s = stationWithData();
    const made = await backupNow(s);
    s.must('settings.update', { stationName: '备份之后改的站名', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 }, s.adminSession);
    const job = await restoreNow(s, made.file);
    expect(job).toMatchObject({ kind: 'restore', state: 'done', step: 'finished', error: null });
    const result = job.result!;
    expect(result.restoredFrom).toBe(made.file);
    expect(fs.existsSync(result.setAside!)).toBe(true);
    expect(fs.existsSync(result.safetyBackup!)).toBe(true);
    // The old session is gone; the restored data is back.
    const old = s.call('settings.get', {}, s.adminSession);
    expect(old.ok || old.error.code).toBe('UNAUTHENTICATED');
    const again = s.must('auth.login', { username: 'admin', password: 'Admin-pass-1' }).sessionId;
    expect(s.must('settings.get', {}, again).stationName).toBe('备份前的站名');
    const trail = s.must('audit.list', {}, again).rows;
    expect(trail.some((r) => r.procedure === 'backup.restore' && (r.after as { restoredFrom: string }).restoredFrom === made.file)).toBe(true);
    expect(s.must('audit.verify', {}, again).ok).toBe(true);
    // The safety backup is listed as made before a restore: no rotation deletes it (only automatic ones go).
    expect(s.must('backup.list', {}, again).backups.find((b) => b.file === result.safetyBackup)?.kind).toBe('before_restore');
    expect(path.basename(result.setAside!)).toMatch(/\.replaced-\d{8}-\d{6}$/);
    // The set-aside database still holds what was replaced.
    const aside = new Database(result.setAside!, { readonly: true });
    expect(aside.prepare("SELECT value FROM settings WHERE key = 'stationName'").pluck().get()).toBe('"备份之后改的站名"');
    aside.close();
  });

  it('a restore that cannot move the current file aside leaves the station working on its own data', async () => {
    const s = stationWithData();
    const made = await backupNow(s);
    s.must('settings.update', { stationName: '备份之后改的站名', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 }, s.adminSession);
    const rename = fs.renameSync;
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to).includes('.replaced-')) throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      return rename(from, to);
    });
    try {
      const job = await restoreNow(s, made.file);
      expect(job).toMatchObject({ state: 'failed', error: { code: 'INTERNAL' } });
    } finally {
      spy.mockRestore();
    }
    // Same data, same sessions: nothing was replaced.
    expect(s.must('settings.get', {}, s.adminSession).stationName).toBe('备份之后改的站名');
    expect(s.must('audit.verify', {}, s.adminSession).ok).toBe(true);
  });

  it('a restore whose copy cannot be put in place puts the current database back: the station works on its own data', async () => {
    const s = stationWithData();
    const made = await backupNow(s);
    s.must('settings.update', { stationName: '备份之后改的站名', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 }, s.adminSession);
    const databaseFile = s.core.services.files.databaseFile;
    const spy = vi.spyOn(fs, 'copyFileSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    try {
      const job = await restoreNow(s, made.file);
      expect(job).toMatchObject({ state: 'failed', error: { code: 'INTERNAL' } });
    } finally {
      spy.mockRestore();
    }
    // The file set aside went back to its place: same data, same sessions, nothing left beside it.
    expect(fs.existsSync(databaseFile)).toBe(true);
    expect(fs.readdirSync(s.dir).filter((f) => f.includes('.replaced-'))).toEqual([]);
    expect(s.must('settings.get', {}, s.adminSession).stationName).toBe('备份之后改的站名');
    expect(s.must('audit.verify', {}, s.adminSession).ok).toBe(true);
  });

  it('a restore reports its steps in order: checking the file, copying the safety backup page by page, replacing', async () => {
    const s = stationWithData();
    const made = await backupNow(s);
    const steps: string[] = [];
    const plan = await restoreInSteps(s.core.services, made.file, s.clock.now(), 'Asia/Shanghai', (step, done, total) => {
      steps.push(done === undefined ? step : `${step} ${done}/${total}`);
    });
    expect(steps[0]).toBe('checking');
    expect(steps.at(-1)).toBe('replacing');
    const copying = steps.slice(1, -1);
    expect(copying.length).toBeGreaterThan(0);
    expect(copying.every((c) => /^copying \d+\/\d+$/.test(c))).toBe(true);
    expect(copying.at(-1)).toMatch(/^copying (\d+)\/\1$/); // the last one: every page copied
    expect(fs.existsSync(plan.safetyBackup!)).toBe(true);
  });

  it('refuses a bad file at the field and changes nothing', async () => {
    const s = stationWithData();
    const bad = path.join(s.dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'garbage'.repeat(1000));
    const job = await restoreNow(s, bad);
    expect(job).toMatchObject({ state: 'failed', result: null, error: { code: 'VALIDATION', fields: { file: 'v.backup.corrupt' } } });
    expect(s.must('settings.get', {}, s.adminSession).stationName).toBe('备份前的站名');
    expect(fs.readdirSync(s.dir).filter((f) => f.includes('.replaced-'))).toEqual([]);
    const missing = s.call('backup.restore', { file: path.join(s.dir, 'no-such.sqlite') }, s.adminSession);
    expect(missing.ok || [missing.error.code, missing.error.fields]).toEqual(['VALIDATION', { file: 'v.backup.unreadable' }]);
  });
});

describe('start-up with a database that cannot be opened', () => {
  async function damagedStation() {
    const s = stationWithData();
    const good = await backupNow(s);
    const dir = s.dir;
    s.core.close();
    st = undefined;
    dirs.push(dir);
    const file = path.join(dir, DATABASE_FILE);
    for (const ext of ['-wal', '-shm']) fs.rmSync(file + ext, { force: true });
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 4096, Math.min(bytes.length, 4096 * 3)); // overwrite pages after the header
    fs.writeFileSync(file, bytes);
    return { dir, file, good };
  }

  it('a damaged database is found by the start-up check, goes to recovery mode, never crashes, and offers the good backup; restoring brings it back', async () => {
    const { dir, file, good } = await damagedStation();
    const damaged = fs.readFileSync(file);
    const station = openStationFiles({ dataDir: dir, logger: silent });
    // The damage is past the schema pages: the open succeeds, and the check on the worker thread finds it.
    await station.checked;
    expect(station.core).toBeNull();
    const status = station.dispatch('recovery.status', {}, {});
    expect(status).toMatchObject({ ok: true, value: { mode: 'recovery', problem: 'corrupt' } });
    const backups = (status as { value: { backups: { file: string; ok: boolean }[] } }).value.backups;
    expect(backups.find((b) => b.file === good.file)?.ok).toBe(true);
    expect(station.dispatch('auth.login', { username: 'admin', password: 'Admin-pass-1' }, {})).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });
    expect(fs.readFileSync(file).equals(damaged)).toBe(true); // untouched
    const restored = station.dispatch('recovery.restore', { file: good.file }, {});
    expect(restored.ok).toBe(true);
    expect(station.core).not.toBeNull();
    const aside = (restored as { value: { setAside: string } }).value.setAside;
    // No safety backup can be read from a broken file: it is kept aside as broken instead.
    expect((restored as { value: RestoreResult }).value.safetyBackup).toBeNull();
    expect(path.basename(aside)).toMatch(/\.broken-\d{8}-\d{6}$/);
    expect(fs.readFileSync(aside).equals(damaged)).toBe(true); // the broken file is kept, not deleted
    const login = station.dispatch('auth.login', { username: 'admin', password: 'Admin-pass-1' }, {});
    expect(login.ok).toBe(true);
    station.close();
  });

  it('a database from a newer version is refused, left byte for byte as it was, and reported as such', () => {
    const d = tempDir();
    dirs.push(d);
    const file = path.join(d, DATABASE_FILE);
    const raw = new Database(file);
    raw.pragma('user_version = 99999');
    raw.close();
    const before = fs.readFileSync(file);
    const station = openStationFiles({ dataDir: d, logger: silent });
    expect(station.dispatch('recovery.status', {}, {})).toMatchObject({ ok: true, value: { mode: 'recovery', problem: 'future' } });
    expect(station.dispatch('setup.status', {}, {})).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a healthy station says so, and refuses the recovery restore', () => {
    const s = stationWithData();
    expect(s.must('recovery.status', {})).toEqual({ mode: 'normal' });
    const r = s.call('recovery.restore', { file: '/tmp/x.sqlite' });
    expect(r.ok || r.error.code).toBe('CONFLICT');
  });
});

describe('backup names', () => {
  it('two backups in the same second both keep their kind, so rotation still sees them', async () => {
    const s = openStation();
    st = s;
    const folder = path.join(s.dir, 'backups');
    const a = await backupInto(s.core.db, folder, s.clock.now(), 'Asia/Shanghai', 'auto');
    const b = await backupInto(s.core.db, folder, s.clock.now(), 'Asia/Shanghai', 'auto');
    expect(a.name).not.toBe(b.name);
    expect(b.name).toMatch(/-2-auto\.sqlite$/);
    expect([a.kind, b.kind]).toEqual(['auto', 'auto']);
    expect(lastAutoBackupAt(folder)).not.toBeNull();
  });
});

describe('backup files in a folder', () => {
  /** A folder holding the named files, each with the given file time (ms). */
  function folderWith(files: Record<string, number>): string {
    const d = tempDir('files-');
    dirs.push(d);
    for (const [name, t] of Object.entries(files)) {
      const f = path.join(d, name);
      fs.writeFileSync(f, 'x');
      fs.utimesSync(f, t / 1000, t / 1000);
    }
    return d;
  }

  it('a backup is named by the station-clock time in the station’s time zone and its kind; only a second one in a second is numbered', () => {
    const at = Date.parse('2026-07-20T19:00:05Z');
    expect(backupName(at, 'Asia/Shanghai', 'auto')).toBe('stationdesk-20260721-030005-auto.sqlite');
    expect(backupName(at, 'UTC', 'manual', 1)).toBe('stationdesk-20260720-190005-manual.sqlite');
    expect(backupName(at, 'UTC', 'before-restore', 2)).toBe('stationdesk-20260720-190005-2-before-restore.sqlite');
    const d = folderWith({ 'stationdesk-20260720-190005-manual.sqlite': at, 'stationdesk-20260720-190005-2-manual.sqlite': at });
    expect(path.basename(newBackupFile(d, at, 'UTC', 'manual'))).toBe('stationdesk-20260720-190005-3-manual.sqlite');
  });

  it('a file not there is checked as unreadable, not an error', async () => {
    const d = folderWith({});
    await expect(checkBackupFile(path.join(d, 'stationdesk-20260720-030000-manual.sqlite'))).resolves.toMatchObject({ ok: false, problem: 'unreadable' });
  });

  it('only files named as StationDesk names its backups count as automatic: companions, partial copies and renamed copies do not', async () => {
    const t = Date.parse('2026-07-20T03:00:00Z');
    const d = folderWith({
      'stationdesk-20260720-030000-auto.sqlite': t,
      'stationdesk-20260720-030000-2-auto.sqlite': t + 1000,
      'stationdesk-20260720-030000-12-auto.sqlite': t + 500,
      'stationdesk-20260720-030000-auto.sqlite-wal': t + 2000,
      'stationdesk-20260720-030000-auto.sqlite.partial': t + 3000,
      'copy of stationdesk-20260720-030000-auto.sqlite': t + 4000,
      'stationdesk-2026072-030000-auto.sqlite': t + 5000,
      'stationdesk-20260720-0300-auto.sqlite': t + 6000,
      'stationdesk-20260720-030000-x-auto.sqlite': t + 7000,
      'stationdesk-20260720-030000-automatic.sqlite': t + 8000,
      'stationdesk-20260720-030000-manual.sqlite': t + 9000,
      'stationdesk-20260720-030000-before-restore.sqlite': t + 10_000,
    });
    expect(lastAutoBackupAt(d)).toBe(t + 1000);
    expect(listBackups(d).map((b) => [b.name, b.kind])).toEqual([
      ['stationdesk-20260720-030000-before-restore.sqlite', 'before_restore'],
      ['stationdesk-20260720-030000-manual.sqlite', 'manual'],
      ['stationdesk-20260720-030000-automatic.sqlite', 'other'],
      ['stationdesk-20260720-030000-x-auto.sqlite', 'other'],
      ['stationdesk-20260720-0300-auto.sqlite', 'other'],
      ['stationdesk-2026072-030000-auto.sqlite', 'other'],
      ['copy of stationdesk-20260720-030000-auto.sqlite', 'other'],
      ['stationdesk-20260720-030000-2-auto.sqlite', 'auto'],
      ['stationdesk-20260720-030000-12-auto.sqlite', 'auto'],
      ['stationdesk-20260720-030000-auto.sqlite', 'auto'],
    ]);
    await backupChecksSettled();
  });

  it('lists files of the same time by name, the later name first', async () => {
    const t = Date.parse('2026-07-20T03:00:00Z');
    const d = folderWith({ 'stationdesk-20260720-030001-manual.sqlite': t, 'stationdesk-20260720-030002-manual.sqlite': t, 'stationdesk-20260720-030000-manual.sqlite': t });
    expect(listBackups(d).map((b) => b.name)).toEqual([
      'stationdesk-20260720-030002-manual.sqlite',
      'stationdesk-20260720-030001-manual.sqlite',
      'stationdesk-20260720-030000-manual.sqlite',
    ]);
    await backupChecksSettled();
  });

  it('a folder not made yet has no backups, no last automatic one, and nothing to rotate; one with none automatic has no last', () => {
    const missing = path.join(tempDir('none-'), 'backups');
    dirs.push(path.dirname(missing));
    expect(listBackups(missing)).toEqual([]);
    expect(lastAutoBackupAt(missing)).toBeNull();
    expect(rotate(missing, Date.now(), 'UTC', { daily: 7, weekly: 4 })).toEqual([]);
    expect(lastAutoBackupAt(folderWith({ 'stationdesk-20260720-030000-manual.sqlite': Date.parse('2026-07-20T03:00:00Z') }))).toBeNull();
  });

  it('rotation reads days and ISO weeks in the station’s time zone, takes a removed backup’s companions with it, and a partial copy only once a day old', () => {
    const now = Date.parse('2026-07-31T04:00:00Z'); // 12:00 on 31 July in Shanghai
    const name = (s: string, kind = 'auto') => `stationdesk-${s}-${kind}.sqlite`;
    const files = {
      [name('20260731-003000')]: Date.parse('2026-07-30T16:30:00Z'), // today in Shanghai, yesterday in UTC
      [name('20260730-233000')]: Date.parse('2026-07-30T15:30:00Z'), // yesterday's newest
      [name('20260730-180000')]: Date.parse('2026-07-30T10:00:00Z'), // yesterday's older one: goes
      [name('20260715-120000')]: Date.parse('2026-07-15T04:00:00Z'), // ISO week 29
      [name('20260714-120000')]: Date.parse('2026-07-14T04:00:00Z'), // week 29's older one: goes
      [name('20260708-120000')]: Date.parse('2026-07-08T04:00:00Z'), // ISO week 28
      [name('20260701-120000')]: Date.parse('2026-07-01T04:00:00Z'), // week 27: beyond two weeks, goes
      [name('20260101-120000', 'manual')]: Date.parse('2026-01-01T04:00:00Z'),
      [name('20260102-120000', 'before-restore')]: Date.parse('2026-01-02T04:00:00Z'),
      [`${name('20260730-040000', 'manual')}.partial`]: now - 24 * 3_600_000,
      [`${name('20260730-035959', 'manual')}.partial`]: now - 24 * 3_600_000 - 1000,
    };
    const d = folderWith(files);
    const gone = name('20260730-180000');
    for (const ext of ['-wal', '-shm']) fs.writeFileSync(path.join(d, gone + ext), '');
    const removed = rotate(d, now, 'Asia/Shanghai', { daily: 1, weekly: 2 });
    expect(removed.map((f) => path.basename(f)).sort()).toEqual(
      [gone, name('20260714-120000'), name('20260701-120000'), `${name('20260730-035959', 'manual')}.partial`].sort(),
    );
    expect(fs.readdirSync(d).sort()).toEqual(
      [
        name('20260731-003000'),
        name('20260730-233000'),
        name('20260715-120000'),
        name('20260708-120000'),
        name('20260101-120000', 'manual'),
        name('20260102-120000', 'before-restore'),
        `${name('20260730-040000', 'manual')}.partial`,
      ].sort(),
    );
    expect(lastAutoBackupAt(d)).toBe(Date.parse('2026-07-30T16:30:00Z'));
  });
});
