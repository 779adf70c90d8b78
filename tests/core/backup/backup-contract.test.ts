import { describe, expect, it } from 'vitest';
import { fields, parsed } from '../harness/contract-parse';

/**
 * Where a backup may go and a restore come from, as the contract states it (shared/contract/backup.ts): a path the
 * main process can use as given, whatever folder it was started in. No database.
 */
describe('backup and restore paths', () => {
  it('a backup file or folder is an absolute path, read without the spaces around it', () => {
    expect(parsed('backup.restore', { file: '  /media/usb/a.sqlite ' })).toEqual({ file: '/media/usb/a.sqlite' });
    expect(parsed('recovery.restore', { file: ' D:\\backup\\a.sqlite' })).toEqual({ file: 'D:\\backup\\a.sqlite' });
    expect(fields('backup.run', { folder: 'backups' })).toEqual({ folder: 'v.absolutePath' });
    expect(fields('recovery.restore', { file: 'a.sqlite' })).toEqual({ file: 'v.absolutePath' });
  });

  it('a path is required, and at most 1,000 characters', () => {
    expect(fields('backup.restore', { file: ' ' })).toEqual({ file: 'v.required' });
    expect(fields('backup.restore', { file: '/' + 'a'.repeat(999) })).toEqual({});
    expect(fields('backup.restore', { file: '/' + 'a'.repeat(1000) })).toEqual({ file: 'v.tooLong' });
  });

  it('a backup without a folder goes to the station’s own backup folder', () => {
    expect(parsed('backup.run', {})).toEqual({});
  });

  it('a job is asked for by the random id it was given, nothing else', () => {
    expect(Object.keys(fields('backup.job', { id: 'job-1' }))).toEqual(['id']);
    expect(fields('backup.job', { id: '6f1c2a1e-3b7d-4c8e-9a0f-1b2c3d4e5f60' })).toEqual({});
    expect(Object.keys(fields('backup.job', { id: '6f1c2a1e-3b7d-4c8e-9a0f-1b2c3d4e5f60', extra: 1 }))).toEqual(['']);
  });
});
