import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import '../../renderer/src/i18n';
import { ApiClient, setApiForTests } from '../../renderer/src/api/client';
import { App, Shell } from '../../renderer/src/app/App';
import type { FeatureEntry } from '../../renderer/src/app/feature';
import { SessionProvider, useSession } from '../../renderer/src/app/session';
import type { Result } from '../../shared/domain/result';
import { ROLE_PERMISSIONS, type Role } from '../../shared/domain/roles';

/** What a fake main process answers a procedure: a value, a refusal, or (for mutations) a function of the input. */
export type Answer = unknown | ((input: never) => Result<unknown>);

/**
 * The whole app at `hash`, signed in as `role` (user id 1), against a main process that answers from `answers`
 * (values, or functions of the input returning a Result) and records every call with its input.
 */
export function renderApp(hash: string, role: Role, displayName: string, answers: Record<string, Answer>) {
  const fake = fakeMainProcess(hash, role, displayName, answers);
  render(<App />);
  return fake;
}

function SignedIn({ children }: { children: ReactNode }) {
  return useSession().gate.kind === 'signedIn' ? children : null;
}

/** As renderApp, with the registry given instead of the app's: a seam's test registers a feature of its own. */
export function renderShell(hash: string, role: Role, displayName: string, answers: Record<string, Answer>, features: readonly FeatureEntry[]) {
  const fake = fakeMainProcess(hash, role, displayName, answers);
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <SessionProvider>
          <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
            <SignedIn>
              <Shell features={features} />
            </SignedIn>
          </QueryClientProvider>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>,
  );
  return fake;
}

/** What `auth.session` answers for a user of `role` (user id 1) at the test station. */
export function sessionInfo(role: Role, displayName: string) {
  return {
    sessionId: 's1',
    user: { id: 1, username: 'u', displayName, roles: [role] },
    permissions: [...ROLE_PERMISSIONS[role]],
    mustChangePassword: false,
    locked: false,
    idleLockMinutes: 10,
    stationName: '东城区救助管理站',
    timeZone: 'Asia/Shanghai',
    dateFloor: '2000-01-01',
    lateRegistrationHours: 24,
  };
}

/**
 * A main process signed in as `role` at `hash`, answering from `answers` (values, or functions of the input
 * returning a Result) and recording every call with its input; the caller renders what it tests.
 */
export function fakeMainProcess(hash: string, role: Role, displayName: string, answers: Record<string, Answer>) {
  sessionStorage.setItem('stationdesk.session', 's1');
  window.location.hash = hash;
  const info = sessionInfo(role, displayName);
  const calls: { procedure: string; input: unknown }[] = [];
  const all: Record<string, Answer> = { 'setup.status': { initialized: true, stationName: info.stationName }, 'auth.session': info, ...answers };
  setApiForTests(
    new ApiClient(async (procedure, input): Promise<Result<unknown>> => {
      calls.push({ procedure, input });
      const a = all[procedure];
      if (a === undefined) return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: procedure } };
      return typeof a === 'function' ? (a as (i: unknown) => Result<unknown>)(input) : { ok: true, value: a };
    }),
  );
  return { calls, of: (p: string) => calls.filter((c) => c.procedure === p).map((c) => c.input) };
}
