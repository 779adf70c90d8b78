import type { Result } from './domain/result';

/** The one IPC channel between the preload and the main process. */
export const RPC_CHANNEL = 'stationdesk:rpc';

/** The channel for the native file and folder pickers (the desktop window only). */
export const PICK_CHANNEL = 'stationdesk:pick';

/** The channel for saving an export file through the native save dialog (the desktop window only). */
export const SAVE_CHANNEL = 'stationdesk:saveExport';

/** What a picker is for: a folder to back up into, or a backup file to restore from. */
export type PickKind = 'folder' | 'backupFile';

/** Where a saved export went; null when the user cancelled the dialog. */
export type SavedExport = { path: string } | null;

/**
 * What the preload exposes on `window.stationdesk`: three functions, nothing of ipcRenderer.
 * electron/preload.ts checks itself against this with `satisfies`.
 */
export interface StationDeskBridge {
  invoke(procedure: string, input: unknown, sessionId: string | undefined): Promise<Result<unknown>>;
  /** The operating system's picker; the chosen path, or null if the user cancelled. */
  pickPath(kind: PickKind): Promise<string | null>;
  /**
   * Saves a finished export of this session through the operating system's save dialog. The renderer names the
   * export, never a path or an option: the main process fetches the file as `export.file` with this session, and
   * offers the file's own name in the user's documents folder.
   */
  saveExport(exportId: string, sessionId: string | undefined): Promise<Result<SavedExport>>;
}
