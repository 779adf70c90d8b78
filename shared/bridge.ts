import type { Result } from './domain/result';

/** The one IPC channel between the preload and the main process. */
export const RPC_CHANNEL = 'stationdesk:rpc';

/** The channel for the native file and folder pickers (the desktop window only). */
export const PICK_CHANNEL = 'stationdesk:pick';

/** What a picker is for: a folder to back up into, or a backup file to restore from. */
export type PickKind = 'folder' | 'backupFile';

/**
 * What the preload exposes on `window.stationdesk`: two functions, nothing of ipcRenderer.
 * electron/preload.ts checks itself against this with `satisfies`.
 */
export interface StationDeskBridge {
  invoke(procedure: string, input: unknown, sessionId: string | undefined): Promise<Result<unknown>>;
  /** The operating system's picker; the chosen path, or null if the user cancelled. */
  pickPath(kind: PickKind): Promise<string | null>;
}
