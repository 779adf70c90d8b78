import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import '../../renderer/src/i18n';
import { App } from '../../renderer/src/app/App';
import { ApiClient, setApiForTests } from '../../renderer/src/api/client';
import type { Result } from '../../shared/domain/result';
import { FEATURES } from '../../renderer/src/app/features';
import { preloadPages } from '../../renderer/src/app/feature';

// The feature pages are lazy chunks (issue 12): load them all once, so no test's first wait covers a chunk's import.
beforeAll(() => preloadPages(FEATURES), 120_000);

type Handler = (input: unknown) => Result<unknown>;

/** A transport that answers from a table and records every call, standing in for the main process. */
function fakeMain(handlers: Record<string, Handler>) {
  const calls: { procedure: string; input: unknown; sessionId?: string }[] = [];
  const client = new ApiClient(async (procedure, input, sessionId) => {
    calls.push({ procedure, input, sessionId });
    const h = handlers[procedure];
    return h ? h(input) : { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: procedure } };
  });
  setApiForTests(client);
  return { calls, client };
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('the gate', () => {
  it('shows the setup screen on first run and validates with the contract’s schema before calling', async () => {
    const main = fakeMain({ 'setup.status': () => ({ ok: true, value: { initialized: false, stationName: null } }) });
    render(<App />);
    expect(await screen.findByText('首次使用：建立本站')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /建立本站/ }));
    expect(await screen.findAllByText('此项必填')).toHaveLength(2); // station name, full name
    expect(screen.getByText('用户名为 2–32 个字符')).toBeInTheDocument();
    expect(screen.getByText('密码至少 8 位')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('密码'), '12345678');
    await userEvent.click(screen.getByRole('button', { name: /建立本站/ }));
    expect(await screen.findByText('密码不能全是数字')).toBeInTheDocument();
    expect(main.calls.map((c) => c.procedure)).not.toContain('setup.initialize');
  });

  it('puts the main process’s BAD_CREDENTIALS at the password field', async () => {
    const main = fakeMain({
      'setup.status': () => ({ ok: true, value: { initialized: true, stationName: '东城区救助管理站' } }),
      'auth.login': () => ({
        ok: false,
        error: { code: 'BAD_CREDENTIALS', message: 'Wrong username or password.', fields: { password: 'v.badCredentials' } },
      }),
    });
    render(<App />);
    await userEvent.type(await screen.findByLabelText('用户名'), 'admin');
    await userEvent.type(screen.getByLabelText('密码'), 'not-the-password');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    const help = await screen.findByText('用户名或密码不正确');
    expect(help.closest('.ant-form-item')).toHaveClass('ant-form-item-has-error');
    expect(main.calls.find((c) => c.procedure === 'auth.login')?.input).toEqual({ username: 'admin', password: 'not-the-password' });
  });

  it('says how long to wait when logins are throttled', async () => {
    fakeMain({
      'setup.status': () => ({ ok: true, value: { initialized: true, stationName: '东城区救助管理站' } }),
      'auth.login': () => ({ ok: false, error: { code: 'RATE_LIMITED', message: 'x', detail: { retryAfterMs: 29_500 } } }),
    });
    render(<App />);
    await userEvent.type(await screen.findByLabelText('用户名'), 'admin');
    await userEvent.type(screen.getByLabelText('密码'), 'whatever-1');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('密码错误次数过多，请 30 秒后再试。')).toBeInTheDocument();
  });

  it('turns to the recovery screen when the start-up check finds damage after the login screen is shown', async () => {
    const unavailable = { ok: false as const, error: { code: 'DATABASE_UNAVAILABLE' as const, message: 'damaged' } };
    let damaged = false;
    fakeMain({
      'setup.status': () => ({ ok: true, value: { initialized: true, stationName: '东城区救助管理站' } }),
      'auth.login': () => ((damaged = true), unavailable),
      'recovery.status': () =>
        damaged
          ? { ok: true, value: { mode: 'recovery', problem: 'corrupt', message: 'damaged', databaseFile: '/data/stationdesk.sqlite', backups: [] } }
          : { ok: true, value: { mode: 'normal' } },
    });
    render(<App />);
    await userEvent.type(await screen.findByLabelText('用户名'), 'admin');
    await userEvent.type(screen.getByLabelText('密码'), 'Admin-pass-1');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('数据库无法打开')).toBeInTheDocument();
    expect(screen.getByText('数据库文件已损坏')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '登录' })).toBeNull();
  });

  it('returns to the login screen when the main process says the session is gone', async () => {
    sessionStorage.setItem('stationdesk.session', 'stale-session');
    const main = fakeMain({
      'setup.status': () => ({ ok: true, value: { initialized: true, stationName: '东城区救助管理站' } }),
      'auth.session': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } }),
    });
    render(<App />);
    expect(await screen.findByRole('button', { name: '登录' })).toBeInTheDocument();
    await waitFor(() => expect(sessionStorage.getItem('stationdesk.session')).toBeNull());
    expect(main.calls.find((c) => c.procedure === 'auth.session')?.sessionId).toBe('stale-session');
  });
});
