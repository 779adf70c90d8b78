import type { Result } from '../../../shared/domain/result';

/**
 * How a call leaves the page: Electron IPC through the preload when it exists, otherwise
 * loopback HTTP to the browser host with the launch token from the URL it printed.
 */
export type Transport = (procedure: string, input: unknown, sessionId: string | undefined) => Promise<Result<unknown>>;

const TOKEN_KEY = 'stationdesk.launchToken';

/** Reads `?token=` once, keeps it for this tab, and takes it out of the address bar. */
export function launchToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export const ipcTransport: Transport = (procedure, input, sessionId) => {
  const bridge = window.stationdesk;
  if (!bridge) throw new Error('no preload bridge');
  return bridge.invoke(procedure, input, sessionId);
};

export function httpTransport(token: string | null): Transport {
  return async (procedure, input, sessionId) => {
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers['x-stationdesk-token'] = token;
      if (sessionId) headers['x-stationdesk-session'] = sessionId;
      const res = await fetch(`/rpc/${encodeURIComponent(procedure)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'StationDesk is not answering. Is it still running?' } };
    }
  };
}

export function pickTransport(): Transport {
  return window.stationdesk ? ipcTransport : httpTransport(launchToken());
}
