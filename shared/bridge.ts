import type { Result } from './domain/result';

/** The one IPC channel between the preload and the main process. */
export const RPC_CHANNEL = 'stationdesk:rpc';

/**
 * What the preload exposes on `window.stationdesk`: one function, nothing of ipcRenderer.
 * electron/preload.ts checks itself against this with `satisfies`.
 */
export interface StationDeskBridge {
  invoke(procedure: string, input: unknown, sessionId: string | undefined): Promise<Result<unknown>>;
}
