import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { scheduleCheckpoints } from '../../../electron/db/checkpoint';
import { WAL_INLINE_PAGES } from '../../../electron/db/open';
import { NoWorkerError, StandingWorker } from '../../../electron/db/worker';
import { openStation, type TestStation } from '../helpers';

/**
 * The desk never waits for a checkpoint (electron/db/checkpoint.ts): the WAL's pages are copied into the database file
 * by a station timer on a worker thread; a commit on the main connection copies them only past WAL_INLINE_PAGES.
 */
let st: TestStation | undefined;
afterEach(() => {
  st?.close();
  st = undefined;
});

const PAGE = 4096;
/** Commits of a row a page long each, on the desk's connection (a table of the test's own). */
function commitPages(db: TestStation['core']['db'], pages: number, pagesPerRow = 1) {
  db.exec('CREATE TABLE IF NOT EXISTS wal_probe (id INTEGER PRIMARY KEY, filler BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO wal_probe (filler) VALUES (?)');
  const filler = Buffer.alloc(pagesPerRow * PAGE - 200, 7);
  for (let i = 0; i < pages / pagesPerRow; i++) insert.run(filler);
}
/** The frames in the WAL file (each a page and its 24-byte header, after the file's 32-byte header). */
const walFrames = (st: TestStation) => (fs.statSync(`${st.core.databaseFile}-wal`).size - 32) / (PAGE + 24);
/** Commits of 20 pages each until the WAL holds `frames` frames (a commit also writes the pages above its rows again). */
function commitFrames(st: TestStation, frames: number) {
  // A checkpoint lets the WAL start over from its beginning: never more than `frames` pages in all.
  for (let written = 0; written < frames && walFrames(st) < frames; written += 20) commitPages(st.core.db, 20, 20);
}
const fileSize = (st: TestStation) => fs.statSync(st.core.databaseFile).size;

describe('the WAL checkpoint', () => {
  it('a desk commit never copies the WAL into the database file below the inline limit (SQLite’s default would at 1,000 pages)', () => {
    st = openStation();
    const before = fileSize(st);
    // At least 4,000 frames: a morning's issues and reversals at a busy desk (about 32 frames each), between two runs
    // of the timer at worst, stay clear of the inline copy.
    commitFrames(st, Math.max(4_000, WAL_INLINE_PAGES - 200));
    expect(walFrames(st)).toBeLessThan(WAL_INLINE_PAGES);
    expect(fileSize(st)).toBe(before);
  });

  it('past the inline limit the desk’s connection copies it all the same: the WAL never grows without end', () => {
    st = openStation();
    const before = fileSize(st);
    commitFrames(st, WAL_INLINE_PAGES);
    commitPages(st.core.db, 50);
    expect(fileSize(st)).toBeGreaterThan(before);
  });

  it('the station’s timer copies the committed pages on a worker, and runs again only after a commit', async () => {
    st = openStation();
    const checkpoints = scheduleCheckpoints({ core: st.core, checked: Promise.resolve() });
    try {
      await Promise.resolve(); // the start-up check's answer
      const before = fileSize(st);
      commitPages(st.core.db, 300);
      await checkpoints.runNow();
      const first = checkpoints.last;
      expect(first).not.toBeNull();
      expect(first!.busy).toBe(0);
      expect(first!.checkpointed).toBe(first!.log);
      expect(first!.log).toBeGreaterThanOrEqual(300);
      expect(fileSize(st)).toBeGreaterThanOrEqual(before + 300 * PAGE);

      await checkpoints.runNow();
      expect(checkpoints.last).toBe(first); // nothing committed since: no worker started

      commitPages(st.core.db, 10);
      await checkpoints.runNow();
      expect(checkpoints.last).not.toBe(first);
      expect(checkpoints.last!.checkpointed).toBe(checkpoints.last!.log);
    } finally {
      await checkpoints.stop();
    }
  });

  it('nothing is copied before the start-up check has passed, nor while a backup or a restore runs', async () => {
    st = openStation();
    let pass!: () => void;
    const checked = new Promise<void>((r) => (pass = r));
    const checkpoints = scheduleCheckpoints({ core: st.core, checked });
    try {
      commitPages(st.core.db, 50);
      await checkpoints.runNow();
      expect(checkpoints.last).toBeNull();

      pass();
      await checked;
      let release!: () => void;
      const job = st.core.services.jobs.start('backup', () => new Promise<void>((r) => (release = r)));
      await checkpoints.runNow();
      expect(checkpoints.last).toBeNull();

      release();
      await st.core.services.jobs.idle();
      expect(st.core.services.jobs.get(job.id)?.error ?? null).toBeNull();
      await checkpoints.runNow();
      expect(checkpoints.last?.log).toBeGreaterThanOrEqual(50);
    } finally {
      await checkpoints.stop();
    }
  });

  it('its worker thread is kept between runs: answers each in turn, a failed task leaves it working, a stopped one starts again', async () => {
    st = openStation();
    const file = st.core.databaseFile;
    const worker = new StandingWorker();
    try {
      const answers = await Promise.all([worker.run('query', file, 'SELECT 1 AS n'), worker.run('query', file, 'SELECT 2 AS n')]);
      expect(answers).toEqual([[{ n: 1 }], [{ n: 2 }]]);
      const failed = await worker.run('query', file, 'SELECT FROM nowhere').catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(Error);
      expect(failed).not.toBeInstanceOf(NoWorkerError);
      expect(await worker.run('query', file, 'SELECT 3 AS n')).toEqual([{ n: 3 }]);
      await worker.stop();
      expect(await worker.run('query', file, 'SELECT 4 AS n')).toEqual([{ n: 4 }]);
    } finally {
      await worker.stop();
    }
  });
});
