import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { PICK_CHANNEL, RPC_CHANNEL } from '../../shared/bridge';
import type { Result } from '../../shared/domain/result';
import type { Dispatch } from '../rpc/dispatch';
import { isTrustedSender, pickerOptions, type PickerOptions } from '../shell/window';

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
