import { contextBridge, ipcRenderer } from 'electron';
import type { PickKind, SavedExport, StationDeskBridge } from '../shared/bridge';
import type { Result } from '../shared/domain/result';

// A sandboxed preload can only require 'electron', so the channel names are written here again;
// tests/core/harness/electron-shell.test.ts checks they equal RPC_CHANNEL, PICK_CHANNEL and SAVE_CHANNEL in shared/bridge.ts.
const RPC_CHANNEL = 'stationdesk:rpc';
const PICK_CHANNEL = 'stationdesk:pick';
const SAVE_CHANNEL = 'stationdesk:saveExport';

const bridge = {
  invoke: (procedure: string, input: unknown, sessionId: string | undefined) =>
    ipcRenderer.invoke(RPC_CHANNEL, procedure, input, sessionId) as Promise<Result<unknown>>,
  pickPath: (kind: PickKind) => ipcRenderer.invoke(PICK_CHANNEL, kind) as Promise<string | null>,
  saveExport: (exportId: string, sessionId: string | undefined) =>
    ipcRenderer.invoke(SAVE_CHANNEL, exportId, sessionId) as Promise<Result<SavedExport>>,
} satisfies StationDeskBridge;

contextBridge.exposeInMainWorld('stationdesk', bridge);
