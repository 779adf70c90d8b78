import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupFile, Job } from '../../../shared/contract/backup';
import { openStation, type TestStation } from '../helpers';

// Where no worker thread can run the backup (say, a packaged app that cannot load the worker's files), the main
// connection copies in small steps instead, answering calls between them.
vi.mock('../../../electron/db/worker', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/db/worker')>();
  return {
    ...real,
    onWorker: (task: string, ...args: unknown[]) =>
      task === 'backupTo' ? Promise.reject(new real.NoWorkerError('no worker threads here')) : (real.onWorker as (...a: unknown[]) => unknown)(task, ...args),
  };
});

let st: TestStation | undefined;
afterEach(() => {
  st?.close();
  st = undefined;
});

describe('a backup without worker threads', () => {
  it('copies in steps on the main connection, reporting pages as it goes, and the copy is whole', async () => {
    st = openStation();
    const s = st;
    const insert = s.core.db.prepare('INSERT INTO persons (name, description, created_at, created_by, updated_at) VALUES (?, ?, 1, 1, 1)');
    s.core.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`测试${i}`, '灰色外套，黑色裤子，随身一个编织袋'.repeat(4));
    })();
    const started = s.must('backup.run', {}, s.adminSession);
    const seen: { done: number; total: number }[] = [];
    let job = started as Job<BackupFile>;
    while (job.state === 'running') {
      await new Promise((r) => setImmediate(r));
      job = s.must('backup.job', { id: started.id }) as Job<BackupFile>;
      if (job.step === 'copying') seen.push({ done: job.done, total: job.total });
    }
    expect(seen.some((p) => p.done > 0 && p.done < p.total)).toBe(true); // steps, not one block
    expect(job).toMatchObject({ state: 'done', result: { ok: true } });
    const copy = new Database(job.result!.file, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(3000);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(fs.readdirSync(path.dirname(job.result!.file))).toEqual([job.result!.name]);
  });
});
