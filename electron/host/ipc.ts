import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { RPC_CHANNEL } from '../../shared/bridge';
import type { Result } from '../../shared/domain/result';
import type { Dispatch } from '../rpc/dispatch';
import { isTrustedSender } from '../shell/window';

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
