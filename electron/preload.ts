import { contextBridge, ipcRenderer } from 'electron';
import type { StationDeskBridge } from '../shared/bridge';
import type { Result } from '../shared/domain/result';

// A sandboxed preload can only require 'electron', so the channel name is written here again;
// tests/core/electron-shell.test.ts checks it equals RPC_CHANNEL in shared/bridge.ts.
const RPC_CHANNEL = 'stationdesk:rpc';

const bridge = {
  invoke: (procedure: string, input: unknown, sessionId: string | undefined) =>
    ipcRenderer.invoke(RPC_CHANNEL, procedure, input, sessionId) as Promise<Result<unknown>>,
} satisfies StationDeskBridge;

contextBridge.exposeInMainWorld('stationdesk', bridge);
