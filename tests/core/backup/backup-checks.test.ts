import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers';

// The check itself stands in for a slow read of a big file; what is tested is how many run at once and in what order.
const log: string[] = [];
let running = 0;
let most = 0;
vi.mock('../../../electron/db/check', () => ({
  checkBackupInBackground: async (file: string) => {
    running += 1;
    most = Math.max(most, running);
    log.push(path.basename(file));
    await new Promise((r) => setTimeout(r, 20));
    running -= 1;
    return { ok: true, problem: null, schema: 40, madeAt: 1, stationName: null };
  },
}));

const dir = tempDir('checks-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backup checks', () => {
  it('read one file at a time, in the order asked, and each file version once', async () => {
    const { backupChecksSettled, checkBackupFile, listBackups } = await import('../../../electron/features/backup/service');
    const names = ['a', 'b', 'c', 'd'].map((n) => path.join(dir, `stationdesk-${n}.sqlite`));
    names.forEach((f, i) => {
      fs.writeFileSync(f, 'x');
      fs.utimesSync(f, 1000 + i, 1000 + i); // d is the newest
    });
    expect(listBackups(dir).map((b) => b.ok)).toEqual([null, null, null, null]);
    await backupChecksSettled();
    expect(most).toBe(1);
    expect(log).toEqual(['stationdesk-d.sqlite', 'stationdesk-c.sqlite', 'stationdesk-b.sqlite', 'stationdesk-a.sqlite']); // newest first
    expect(listBackups(dir).map((b) => b.ok)).toEqual([true, true, true, true]);
    await checkBackupFile(names[0]!);
    expect(log).toHaveLength(4); // known, not read again
    fs.writeFileSync(names[0]!, 'changed');
    await checkBackupFile(names[0]!);
    expect(log).toHaveLength(5); // a new version is
  });
});
