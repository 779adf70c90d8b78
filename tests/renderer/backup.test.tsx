import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import '../../renderer/src/i18n';
import { App } from '../../renderer/src/app/App';
import { ApiClient, setApiForTests } from '../../renderer/src/api/client';
import type { BackupFile, Job } from '../../shared/contract/backup';
import type { Result } from '../../shared/domain/result';
import { sessionInfo } from './fake-main';
import { FEATURES } from '../../renderer/src/app/features';
import { preloadPages } from '../../renderer/src/app/feature';

// The feature pages are lazy chunks (issue 12): load them all once, so no test's first wait covers a chunk's import.
beforeAll(() => preloadPages(FEATURES), 120_000);

const ADMIN_INFO = sessionInfo('admin', '王站长');

const made: BackupFile = { file: '/data/backups/stationdesk-20260720-030000-manual.sqlite', name: 'stationdesk-20260720-030000-manual.sqlite', size: 4096, kind: 'manual', madeAt: 1784530800000, ok: true, problem: null };
const job = (over: Partial<Job<BackupFile>>): Job<BackupFile> => ({
  id: '00000000-0000-4000-8000-000000000001', kind: 'backup', state: 'running', step: 'copying', done: 0, total: 0, startedAt: 1, finishedAt: null, result: null, error: null, ...over,
});

/**
 * The main process as a script: the backup job answers each poll with the next state in `states`. With `stepped`,
 * it stays at a state until the test calls `next()`, so a test sees each state however slowly the machine runs.
 */
function fakeMain(states: Job<BackupFile>[], backups: BackupFile[], running: Job<BackupFile> | null = null, stepped = false) {
  const polls: string[] = [];
  let at = 0;
  const handlers: Record<string, (input: unknown) => Result<unknown>> = {
    'setup.status': () => ({ ok: true, value: { initialized: true, stationName: '东城区救助管理站' } }),
    'auth.session': () => ({ ok: true, value: ADMIN_INFO }),
    'backup.list': () => ({ ok: true, value: { folder: '/data/backups', backups, lastAutoAt: null, running: polls.length ? null : running } }),
    'backup.run': () => ({ ok: true, value: states[0] }),
    'backup.job': (input) => {
      polls.push((input as { id: string }).id);
      if (!stepped) at = polls.length;
      return { ok: true, value: states[Math.min(at, states.length - 1)] };
    },
  };
  setApiForTests(new ApiClient(async (procedure, input) => handlers[procedure]?.(input) ?? { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: procedure } }));
  return { polls, next: () => void (at += 1) };
}

beforeEach(() => {
  sessionStorage.clear();
  sessionStorage.setItem('stationdesk.session', 's1');
  window.location.hash = '#/admin/backup';
});

describe('the backup page', () => {
  it('follows a manual backup: pages copied, then the file it wrote', async () => {
    const main = fakeMain(
      [job({ step: 'checking' }), job({ done: 1200, total: 4000 }), job({ done: 3600, total: 4000 }), job({ state: 'done', step: 'finished', done: 4000, total: 4000, result: made, finishedAt: 2 })],
      [],
      null,
      true,
    );
    render(<App />);
    await userEvent.click((await screen.findAllByRole('button', { name: /立即备份/ }))[0]!);
    const progress = await screen.findByTestId('job-progress');
    main.next();
    expect(await within(progress).findByText('正在复制：1200 / 4000 页')).toBeInTheDocument();
    expect(within(progress).getByText('30%')).toBeInTheDocument();
    main.next();
    expect(await within(progress).findByText('正在复制：3600 / 4000 页')).toBeInTheDocument();
    main.next();
    expect(await screen.findByText(`已备份：${made.name}`)).toBeInTheDocument();
    expect(main.polls.every((id) => id === job({}).id)).toBe(true);
    expect(screen.queryByTestId('job-progress')).toBeNull();
  });

  it('follows a backup started before the page was opened', async () => {
    const states = [job({ done: 100, total: 400 }), job({ done: 300, total: 400 }), job({ state: 'done', step: 'finished', done: 400, total: 400, result: made, finishedAt: 2 })];
    const main = fakeMain(states, [], states[0]!, true);
    render(<App />);
    const progress = await screen.findByTestId('job-progress');
    expect(await within(progress).findByText('正在复制：100 / 400 页')).toBeInTheDocument();
    main.next();
    expect(await within(progress).findByText('正在复制：300 / 400 页')).toBeInTheDocument();
    main.next();
    expect(await screen.findByText(`已备份：${made.name}`)).toBeInTheDocument();
  });

  /** The main process with a job already running when 立即备份 is pressed: `backup.run` is refused until it ends. */
  function mainWithRunningJob(kind: 'backup' | 'restore') {
    const AUTO = '00000000-0000-4000-8000-0000000000aa';
    const auto = (over: Partial<Job<BackupFile>>) => ({ ...job({ id: AUTO, done: 100, total: 400 }), kind, ...over }) as Job<BackupFile>;
    let autoPolls = 0;
    let release = false;
    const runs: string[] = [];
    const handlers: Record<string, (input: unknown) => Result<unknown>> = {
      'setup.status': () => ({ ok: true, value: { initialized: true, stationName: '东城区救助管理站' } }),
      'auth.session': () => ({ ok: true, value: ADMIN_INFO }),
      'backup.list': () => ({ ok: true, value: { folder: '/data/backups', backups: [], lastAutoAt: null, running: null } }),
      'backup.run': () => {
        const autoDone = release && autoPolls > 0;
        runs.push(autoDone ? 'started' : 'refused');
        return autoDone ? { ok: true, value: job({ step: 'copying', done: 0, total: 400 }) } : { ok: false, error: { code: 'CONFLICT', message: 'busy', detail: { jobId: AUTO } } };
      },
      'backup.job': (input) => {
        const { id } = input as { id: string };
        if (id === AUTO) {
          autoPolls += 1;
          return { ok: true, value: release ? auto({ state: 'done', step: 'finished', done: 400, total: 400, result: { ...made, kind: 'auto' }, finishedAt: 2 }) : auto({}) };
        }
        return { ok: true, value: job({ state: 'done', step: 'finished', done: 400, total: 400, result: made, finishedAt: 3 }) };
      },
    };
    setApiForTests(new ApiClient(async (procedure, input) => handlers[procedure]?.(input) ?? { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: procedure } }));
    return { runs, finishAuto: () => void (release = true) };
  }

  it('pressed during an automatic backup, says so, follows it, then makes the backup asked for', async () => {
    const main = mainWithRunningJob('backup');
    render(<App />);
    await userEvent.click((await screen.findAllByRole('button', { name: /立即备份/ }))[0]!);
    expect(await screen.findByTestId('backup-queued')).toHaveTextContent('另一项备份正在进行；它完成后，立即开始您要求的备份。');
    expect(within(screen.getByTestId('job-progress')).getByText('正在复制：100 / 400 页')).toBeInTheDocument();
    expect(screen.queryByText('另一项备份或恢复正在进行，请稍候。')).toBeNull();
    main.finishAuto();
    expect(await screen.findByText(`已备份：${made.name}`)).toBeInTheDocument();
    expect(main.runs).toEqual(['refused', 'started']);
    expect(screen.queryByTestId('backup-queued')).toBeNull();
  });

  it('pressed during a restore, queues nothing: the restore ends every session, and the field says to wait', async () => {
    const main = mainWithRunningJob('restore');
    render(<App />);
    await userEvent.click((await screen.findAllByRole('button', { name: /立即备份/ }))[0]!);
    expect(await screen.findByText('另一项备份或恢复正在进行，请稍候。')).toBeInTheDocument();
    expect(main.runs).toEqual(['refused']);
    expect(screen.queryByTestId('backup-queued')).toBeNull();
  });

  it('puts a failed backup’s reason at the folder field', async () => {
    fakeMain(
      [job({}), job({ state: 'failed', step: 'finished', error: { code: 'VALIDATION', message: 'x', fields: { folder: 'v.backupFolderUnwritable' } } })],
      [],
    );
    render(<App />);
    await userEvent.type(await screen.findByPlaceholderText('/media/usb'), '/media/usb');
    await userEvent.click((await screen.findAllByRole('button', { name: /立即备份/ }))[1]!);
    expect(await screen.findByText('无法写入这个文件夹')).toBeInTheDocument();
  });

  it('offers the native folder picker in the desktop window and fills the field with the choice', async () => {
    window.stationdesk = {
      invoke: () => Promise.reject(new Error('not used')),
      pickPath: async (kind) => (kind === 'folder' ? '/media/usb' : null),
      saveExport: () => Promise.reject(new Error('not used')),
    };
    try {
      fakeMain([job({})], []);
      render(<App />);
      const field = await screen.findByPlaceholderText('/media/usb');
      await userEvent.click(screen.getAllByRole('button', { name: /选择/ })[0]!);
      await waitFor(() => expect(field).toHaveValue('/media/usb'));
    } finally {
      delete window.stationdesk;
    }
  });

  it('has no picker in the browser host, where paths are typed', async () => {
    fakeMain([job({})], []);
    render(<App />);
    await screen.findByPlaceholderText('/media/usb');
    expect(screen.queryByRole('button', { name: /选择/ })).toBeNull();
  });

  it('shows a backup still being checked as such, with no restore button yet', async () => {
    fakeMain([job({})], [{ ...made, ok: null, madeAt: null }]);
    render(<App />);
    const row = (await screen.findByText(made.name)).closest('tr')!;
    expect(within(row).getByText('检查中…')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: '恢复' })).toBeNull();
  });
});
