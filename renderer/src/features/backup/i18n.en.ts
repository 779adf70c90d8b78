/** Backups and recovery. */
import type zhCN from './i18n.zh-CN';

const en: typeof zhCN = {
  nav: {
    backup: 'Backups',
  },
  backup: {
    title: 'Backups and restore',
    intro: 'StationDesk backs up once a day and again on quit, keeping one a day for 7 days and one a week for 4 weeks before that. Backups go through the database, so nothing being written is missed.',
    folder: 'Backup folder',
    lastAuto: 'Last automatic backup',
    never: 'None yet',
    runNow: 'Back up now',
    choose: 'Choose…',
    runTo: 'Back up to another folder (e.g. a USB stick, to move to a new PC)',
    running: 'Backing up…',
    done: 'Backed up: {{name}}',
    name: 'File',
    kind: 'Kind',
    kinds: { auto: 'Automatic', manual: 'Manual', before_restore: 'Before restore', other: 'Other' },
    madeAt: 'Data as of',
    size: 'Size',
    check: 'Check',
    good: 'Good',
    restore: 'Restore',
    restoreFrom: 'Restore from another file (import from an old PC)',
    restoreConfirm: 'Replace the current data with this backup? The current data is backed up first and its file kept; everyone signs in again.',
    checking: 'Checking…',
    steps: { checking: 'Checking the backup file…', copying: 'Copying: {{done}} of {{total}} pages', replacing: 'Replacing the database…', finished: 'Finished' },
    busy: 'Another backup or restore is running; please wait.',
    queued: 'Another backup is running; yours starts as soon as it finishes.',
    restored: 'Restored {{file}} (data as of {{at}}). The old database was kept as {{aside}}. Please sign in again.',
  },
  recovery: {
    title: 'The database cannot be opened',
    intro: 'StationDesk has not changed the database file. You can restore the newest good backup; the damaged file is renamed and kept, never deleted.',
    problem: { unreadable: 'The database file cannot be read', corrupt: 'The database file is damaged', future: 'This database was written by a newer StationDesk', not_stationdesk: 'This is not a StationDesk database' },
    futureHint: 'Install the newer StationDesk; restore a backup only if you mean to go back to older data.',
    file: 'Database file',
    backups: 'Backups found',
    newest: 'Newest good backup',
    none: 'No usable backup was found. Call for technical help and do not delete the data folder.',
    restore: 'Restore this backup',
    checking: 'Checking the backups; a moment…',
    restored: 'Restored {{file}}. Please sign in.',
  },
  entities: {
    backup: 'Backup',
  },
  procedures: {
    backup: { _: 'Backups', run: 'Back up now', restore: 'Restore from backup', list: 'List backups', job: 'Backup progress' },
    recovery: { _: 'Recovery', restore: 'Recovery restore', status: 'Database status' },
  },
  v: {
    absolutePath: 'Give a full path, e.g. D:\\Backups or /media/usb',
    backupFolder: 'Choose a place outside the data folder',
    backupFolderMissing: 'No such folder',
    backupFolderUnwritable: 'Cannot write to this folder',
    backup: {
      unreadable: 'The file cannot be read',
      corrupt: 'The file is damaged and cannot be restored',
      future: 'This was written by a newer version and cannot be restored here',
      not_stationdesk: 'This is not a StationDesk data file',
    },
  },
};

export default en;
