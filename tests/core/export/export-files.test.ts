import { describe, expect, it } from 'vitest';
import { ExportFiles, MAX_KEPT } from '../../../electron/features/export/files';
import { TestClock } from '../helpers';

/** The store of export files on its own: what a failed build leaves, and how many finished files it keeps. */
const quiet = () => {
  const logged: string[] = [];
  return { logged, logger: { info() {}, error: (m: string, meta?: object) => void logged.push(`${m} ${JSON.stringify(meta)}`) } };
};
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('export files', () => {
  it('a failed build is the file’s outcome: logged with its reason, answered as INTERNAL, and the session may export again', async () => {
    const { logged, logger } = quiet();
    const files = new ExportFiles(new TestClock().now, logger);
    files.add(id(1), 'desk', { fileName: 'a.xlsx', rows: 2 }, async (progress) => {
      progress(1);
      throw new Error('disk says no');
    });
    expect(codeOf(() => files.ensureRoom('desk'))).toBe('CONFLICT');
    await files.idle();
    expect(files.status(id(1), 'desk')).toMatchObject({ state: 'failed', written: 1, bytes: null, error: { code: 'INTERNAL' } });
    expect(codeOf(() => files.file(id(1), 'desk'))).toBe('INTERNAL');
    // With where it failed (the stack), so the getter's bug can be found.
    expect(logged.join('\n')).toMatch(/export failed.*disk says no\\n\s+at /);
    expect(codeOf(() => files.ensureRoom('desk'))).toBe('ok');
  });

  it(`keeps the newest ${MAX_KEPT} finished files and forgets older ones`, async () => {
    const files = new ExportFiles(new TestClock().now, quiet().logger);
    for (let n = 1; n <= MAX_KEPT; n++) files.add(id(n), 'desk', { fileName: `${n}.xlsx`, rows: 0 }, async () => Buffer.from([n]));
    await files.idle();
    expect(files.file(id(1), 'desk').dataBase64).toBe(Buffer.from([1]).toString('base64'));
    files.add(id(MAX_KEPT + 1), 'desk', { fileName: 'last.xlsx', rows: 0 }, async () => Buffer.from([0]));
    await files.idle();
    expect(codeOf(() => files.status(id(1), 'desk'))).toBe('NOT_FOUND');
    expect(files.status(id(2), 'desk').state).toBe('ready');
    expect(files.status(id(MAX_KEPT + 1), 'desk').state).toBe('ready');
  });
});
