import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../renderer/src/api/client';
import { saveExport } from '../../renderer/src/components/export';
import { XLSX_MEDIA_TYPE, type ExportStarted, type ExportStatus } from '../../shared/contract/export';
import type { Result } from '../../shared/domain/result';

const started: ExportStarted = { id: '00000000-0000-4000-8000-00000000e001', fileName: '接待登记台账_2026-07-01_2026-07-31.xlsx', rows: 250 };
const status = (over: Partial<ExportStatus>): ExportStatus => ({ ...started, state: 'building', written: 0, bytes: null, error: null, ...over });
const BYTES = [0x50, 0x4b, 0x03, 0x04, 0x00, 0xff];

/** The main process as a script: `export.status` answers each poll with the next of `states`. */
function fakeMain(states: ExportStatus[]) {
  const calls: string[] = [];
  const handlers: Record<string, () => Result<unknown>> = {
    'export.status': () => ({ ok: true, value: states[Math.min(calls.filter((c) => c === 'export.status').length - 1, states.length - 1)] }),
    'export.file': () => ({ ok: true, value: { fileName: started.fileName, mediaType: XLSX_MEDIA_TYPE, dataBase64: btoa(String.fromCharCode(...BYTES)) } }),
  };
  const client = new ApiClient(async (procedure) => (calls.push(procedure), handlers[procedure]?.() ?? { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: procedure } }));
  return { client, calls };
}
/** Waits not at all, and not forever: a helper that polls past the scripted answers fails instead of spinning. */
let waits = 0;
const noWait = () => (++waits > 20 ? Promise.reject(new Error('polled past the end of the script')) : Promise.resolve());

beforeEach(() => {
  waits = 0;
  sessionStorage.setItem('stationdesk.session', 's1');
});
afterEach(() => {
  delete window.stationdesk;
  vi.restoreAllMocks();
});

describe('saving an export', () => {
  it('in the browser host, waits for the file and downloads it under its own name', async () => {
    const main = fakeMain([status({}), status({ written: 100 }), status({ state: 'ready', written: 250, bytes: 6 })]);
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:stationdesk/1'));
    URL.revokeObjectURL = vi.fn();
    const clicked: { download: string; href: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href, attached: document.body.contains(this) });
    });
    const heard: number[] = [];

    const r = await saveExport(started, { client: main.client, wait: noWait, progress: (s) => heard.push(s.written) });

    expect(r).toEqual({ ok: true, value: { saved: 'downloaded', fileName: started.fileName } });
    expect(heard).toEqual([0, 100, 250]);
    expect(main.calls).toEqual(['export.status', 'export.status', 'export.status', 'export.file']);
    expect(clicked).toEqual([{ download: '接待登记台账_2026-07-01_2026-07-31.xlsx', href: 'blob:stationdesk/1', attached: true }]);
    expect(blobs[0]!.type).toBe(XLSX_MEDIA_TYPE);
    expect([...new Uint8Array(await blobs[0]!.arrayBuffer())]).toEqual(BYTES);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });

  it('in the desktop window, hands the export and the session to the bridge, and never fetches the bytes itself', async () => {
    const main = fakeMain([status({ state: 'ready', written: 250, bytes: 6 })]);
    const saveBridge = vi.fn(async () => ({ ok: true as const, value: { path: 'D:\\报送\\接待登记台账.xlsx' } }));
    window.stationdesk = { invoke: () => Promise.reject(new Error('not used')), pickPath: async () => null, saveExport: saveBridge };
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');

    expect(await saveExport(started, { client: main.client, wait: noWait })).toEqual({ ok: true, value: { saved: 'file', path: 'D:\\报送\\接待登记台账.xlsx' } });
    expect(saveBridge).toHaveBeenCalledWith(started.id, 's1');
    expect(main.calls).toEqual(['export.status']);
    expect(click).not.toHaveBeenCalled();

    saveBridge.mockResolvedValueOnce({ ok: true, value: null } as never);
    expect(await saveExport(started, { client: main.client, wait: noWait })).toEqual({ ok: true, value: { saved: null } });
  });

  it('gives back the reason when the file could not be made, and saves nothing', async () => {
    const error = { code: 'INTERNAL' as const, message: 'The file could not be made; nothing was saved.' };
    const main = fakeMain([status({}), status({ state: 'failed', error })]);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    expect(await saveExport(started, { client: main.client, wait: noWait })).toEqual({ ok: false, error });
    expect(main.calls).not.toContain('export.file');
    expect(click).not.toHaveBeenCalled();
  });
});
