import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import { PICK_CHANNEL, RPC_CHANNEL, SAVE_CHANNEL, type SavedExport } from '../../shared/bridge';
import type { ExportFile } from '../../shared/contract/export';
import type { Result } from '../../shared/domain/result';
import type { Dispatch } from '../rpc/dispatch';
import { isTrustedSender, pickerOptions, saveDialogOptions, type PickerOptions, type SaveDialogOptions } from '../shell/window';

/** The Electron transport: one ipcMain handler in front of the dispatcher, answering only our own frame. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch): void {
  ipcMain.handle(
    RPC_CHANNEL,
    function stationdeskRpc(event: IpcMainInvokeEvent, procedure: unknown, input: unknown, sessionId: unknown): Result<unknown> {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the StationDesk window.' } };
      }
      if (typeof procedure !== 'string') {
        return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: 'Procedure name must be a string.' } };
      }
      return dispatch(procedure, input, { sessionId: typeof sessionId === 'string' ? sessionId : undefined });
    },
  );
}

/**
 * The native pickers: our own frame names a kind, the main process shows the dialog (`show`, Electron's
 * dialog.showOpenDialog on the window) and answers the chosen path, or null.
 */
export function registerPicker(ipcMain: IpcMain, show: (options: PickerOptions) => Promise<{ canceled: boolean; filePaths: string[] }>): void {
  ipcMain.handle(PICK_CHANNEL, async function stationdeskPick(event: IpcMainInvokeEvent, kind: unknown): Promise<string | null> {
    const options = pickerOptions(kind);
    if (!options || !isTrustedSender(event.senderFrame)) return null;
    const chosen = await show(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  });
}

/**
 * Saving an export in the desktop window: our own frame names an export and its session; the file is fetched
 * through the dispatcher as `export.file` (so the session, lock and ownership rules are the same as for any call),
 * the save dialog (`show`, Electron's dialog.showSaveDialog on the window) offers the file's own name in `folder`,
 * and the bytes are written where the user chose. The renderer never sees a path it did not choose or the bytes.
 */
export function registerSaver(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  show: (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>,
  folder: string,
): void {
  ipcMain.handle(SAVE_CHANNEL, async function stationdeskSaveExport(event: IpcMainInvokeEvent, exportId: unknown, sessionId: unknown): Promise<Result<SavedExport>> {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the StationDesk window.' } };
    }
    const file = dispatch('export.file', { id: exportId }, { sessionId: typeof sessionId === 'string' ? sessionId : undefined }) as Result<ExportFile>;
    if (!file.ok) return file;
    const options = saveDialogOptions(file.value.fileName, folder);
    if (!options) return { ok: false, error: { code: 'INTERNAL', message: 'The export has no usable file name.' } };
    const chosen = await show(options);
    if (chosen.canceled || !chosen.filePath) return { ok: true, value: null };
    try {
      await fs.promises.writeFile(chosen.filePath, Buffer.from(file.value.dataBase64, 'base64'));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { code: 'CONFLICT', message: `The file could not be written: ${reason}`, fields: { export: 'v.exportWrite' } } };
    }
    return { ok: true, value: { path: chosen.filePath } };
  });
}
