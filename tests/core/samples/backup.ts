import type { Samples } from './types';

/** A valid input for each of backup's procedures. */
export const backupSamples = {
  'backup.list': {},
  'backup.run': {},
  'backup.restore': { file: '/nonexistent/stationdesk-backup.sqlite' },
  'backup.job': { id: '00000000-0000-4000-8000-000000000000' },
  'recovery.status': {},
  'recovery.restore': { file: '/nonexistent/stationdesk-backup.sqlite' },
} satisfies Samples;
