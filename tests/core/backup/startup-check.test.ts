import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../electron/db/open';
import { openStation, type Station } from '../../../electron/station';
import { openStation as openTestStation } from '../helpers';

/**
 * The start-up quick_check runs on a worker thread (on ten years of data it reads 700 MB, about 3 s), except
 * before a migration, which never writes into an unchecked file.
 */

const dirs: string[] = [];
const stations: Station[] = [];
afterEach(() => {
  for (const s of stations.splice(0)) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  vi.doUnmock('../../electron/db/check');
  vi.resetModules();
});

function recordingLogger() {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(`info ${m}`), error: (m: string) => lines.push(`error ${m}`) };
}

/** A closed station with people in it. */
function stationFolder(): string {
  const s = openTestStation();
  const desk = s.userWith(['front_desk']);
  for (const name of ['张三', '李四', '王五']) s.must('intake.register', { channel: 'walk_in', arrivedAt: s.clock.now(), person: { name, sex: 'male' } }, desk);
  const dir = s.dir;
  s.core.close();
  dirs.push(dir);
  return dir;
}

/**
 * Overwrites the persons table's root page, which the open never reads (it reads the schema and the header), the
 * way a failing disk damages one part of a file. Returns the damaged bytes.
 */
function damagePersons(dir: string, opts: { userVersion?: number } = {}): Buffer {
  const file = path.join(dir, DATABASE_FILE);
  const raw = new Database(file);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const page = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'persons'").pluck().get() as number;
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  if (opts.userVersion !== undefined) raw.pragma(`user_version = ${opts.userVersion}`);
  raw.close();
  const bytes = fs.readFileSync(file);
  bytes.fill(0x41, (page - 1) * pageSize, page * pageSize);
  fs.writeFileSync(file, bytes);
  return bytes;
}

describe('the start-up check', () => {
  it('lets the station answer while the check runs, and says when it passed', async () => {
    const dir = stationFolder();
    const logger = recordingLogger();
    const station = openStation({ dataDir: dir, logger });
    stations.push(station);
    let settled = false;
    void station.checked.then(() => (settled = true));
    expect(station.dispatch('setup.status', {}, {})).toMatchObject({ ok: true, value: { initialized: true } });
    expect(settled).toBe(false);
    await station.checked;
    expect(logger.lines).toContain('info start-up quick_check ok');
    expect(logger.lines.filter((l) => l.startsWith('error'))).toEqual([]); // the worker ran it
    expect(station.recovery).toEqual({ mode: 'normal' });
  });

  it('damage found on the worker puts a running station into recovery mode and leaves the file as it was', async () => {
    const dir = stationFolder();
    const damaged = damagePersons(dir);
    const station = openStation({ dataDir: dir, logger: recordingLogger() });
    stations.push(station);
    // The open itself succeeds: the damage is in a table the open does not read.
    expect(station.core).not.toBeNull();
    await station.checked;
    expect(station.core).toBeNull();
    expect(station.dispatch('recovery.status', {}, {})).toMatchObject({ ok: true, value: { mode: 'recovery', problem: 'corrupt' } });
    expect(station.dispatch('setup.status', {}, {})).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });
    expect(fs.readFileSync(path.join(dir, DATABASE_FILE)).equals(damaged)).toBe(true);
  });

  it('checks before a migration, on the spot, and never migrates a damaged file', () => {
    const dir = stationFolder();
    const damaged = damagePersons(dir, { userVersion: 20 });
    const station = openStation({ dataDir: dir, logger: recordingLogger() });
    stations.push(station);
    expect(station.core).toBeNull(); // no await: found during the open
    expect(station.recovery).toMatchObject({ mode: 'recovery', problem: 'corrupt' });
    expect(fs.readFileSync(path.join(dir, DATABASE_FILE)).equals(damaged)).toBe(true);
  });

  it('checks on the main thread when no worker can run, rather than not at all', async () => {
    vi.resetModules();
    vi.doMock('../../../electron/db/check', () => ({ checkInBackground: () => Promise.reject(new Error('no worker threads here')) }));
    const { openStation: openWithoutWorkers } = await import('../../../electron/station');
    const dir = stationFolder();
    damagePersons(dir);
    const logger = recordingLogger();
    const station = openWithoutWorkers({ dataDir: dir, logger });
    stations.push(station);
    await station.checked;
    expect(logger.lines).toContain('error quick_check worker failed; checking on the main thread');
    expect(station.recovery).toMatchObject({ mode: 'recovery', problem: 'corrupt' });
  });
});
