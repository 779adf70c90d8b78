import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../../../shared/contract';
import { setValidationDefaults } from '../../../shared/contract/validation-context';
import { api } from '../api/client';

export type Gate =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'recovery' }
  | { kind: 'setup' }
  | { kind: 'login'; username?: string; notice?: string }
  | { kind: 'signedIn'; info: SessionInfo };

interface SessionApi {
  gate: Gate;
  /** After setup, login, unlock or a password change: the main process's answer becomes the session. */
  accept(info: SessionInfo): void;
  toLogin(opts?: { username?: string; notice?: string }): void;
  lock(): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in session's info; only for screens behind the gate. */
export function useSessionInfo(): SessionInfo {
  const { gate } = useSession();
  if (gate.kind !== 'signedIn') throw new Error('useSessionInfo outside a signed-in screen');
  return gate.info;
}

/**
 * The signed-in gate. The station's date settings become the forms' validation context here, before any form
 * renders, so a date the main process would refuse is refused at the field first (shared/contract/validation-context.ts).
 */
function signedIn(info: SessionInfo): Gate {
  setValidationDefaults({ timeZone: info.timeZone, dateFloor: info.dateFloor, lateRegistrationHours: info.lateRegistrationHours });
  return { kind: 'signedIn', info };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [gate, setGate] = useState<Gate>({ kind: 'loading' });
  const client = api();

  useEffect(() => {
    let live = true;
    void (async () => {
      const status = await client.call('setup.status', {});
      if (!live) return;
      if (!status.ok) {
        return setGate(status.error.code === 'DATABASE_UNAVAILABLE' ? { kind: 'recovery' } : { kind: 'unreachable', message: status.error.message });
      }
      if (!status.value.initialized) return setGate({ kind: 'setup' });
      if (client.hasSession()) {
        const s = await client.call('auth.session', {});
        if (!live) return;
        if (s.ok) return setGate(signedIn(s.value));
        client.setSession(undefined);
      }
      setGate({ kind: 'login' });
    })();
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(
    () =>
      client.onSessionProblem((code) => {
        if (code === 'DATABASE_UNAVAILABLE') {
          // The database was found damaged after start (the background check): the recovery screen, from anywhere.
          client.setSession(undefined);
          setGate({ kind: 'recovery' });
        } else if (code === 'UNAUTHENTICATED') {
          client.setSession(undefined);
          setGate({ kind: 'login' });
        } else {
          setGate((g) =>
            g.kind !== 'signedIn'
              ? g
              : {
                  kind: 'signedIn',
                  info: { ...g.info, locked: g.info.locked || code === 'LOCKED', mustChangePassword: g.info.mustChangePassword || code === 'PASSWORD_CHANGE_REQUIRED' },
                },
          );
        }
      }),
    [client],
  );

  const accept = useCallback(
    (info: SessionInfo) => {
      client.setSession(info.sessionId);
      setGate(signedIn(info));
    },
    [client],
  );
  const toLogin = useCallback((opts?: { username?: string; notice?: string }) => setGate({ kind: 'login', ...opts }), []);
  const lock = useCallback(async () => {
    await client.call('auth.lock', {});
    setGate((g) => (g.kind === 'signedIn' ? { kind: 'signedIn', info: { ...g.info, locked: true } } : g));
  }, [client]);
  const logout = useCallback(async () => {
    const username = gate.kind === 'signedIn' ? gate.info.user.username : undefined;
    await client.call('auth.logout', {});
    client.setSession(undefined);
    setGate({ kind: 'login', username });
  }, [client, gate]);

  const value = useMemo(() => ({ gate, accept, toLogin, lock, logout }), [gate, accept, toLogin, lock, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
