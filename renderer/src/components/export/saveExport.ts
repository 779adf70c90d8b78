import type { ExportFile, ExportStarted, ExportStatus } from '../../../../shared/contract/export';
import type { Result } from '../../../../shared/domain/result';
import { api, type ApiClient } from '../../api/client';

/** Where the file went: a browser download, a file the user chose in the save dialog, or nowhere (cancelled). */
export type SaveOutcome = { saved: 'downloaded'; fileName: string } | { saved: 'file'; path: string } | { saved: null };

export const POLL_MS = 300;

interface Options {
  /** Hears the export's status while it is built (for a progress bar). */
  progress?: (status: ExportStatus) => void;
  client?: ApiClient;
  /** How to wait between two questions (tests pass one that does not wait). */
  wait?: (ms: number) => Promise<void>;
}

/**
 * Saves an export that a procedure has started (`export.intakeRegister`, and later the roster, ledger and report
 * exports): waits until the main process has built the file, then, in the desktop window, hands it to the main
 * process's save dialog (the renderer names the export, never a path), or, in the browser host, downloads it.
 */
export async function saveExport(started: ExportStarted, opts: Options = {}): Promise<Result<SaveOutcome>> {
  const client = opts.client ?? api();
  const wait = opts.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (;;) {
    const status = await client.call('export.status', { id: started.id });
    if (!status.ok) return status;
    opts.progress?.(status.value);
    if (status.value.state === 'failed') {
      return { ok: false, error: status.value.error ?? { code: 'INTERNAL', message: 'The file could not be made.' } };
    }
    if (status.value.state === 'ready') break;
    await wait(POLL_MS);
  }
  const bridge = window.stationdesk;
  if (typeof bridge?.saveExport === 'function') {
    const saved = await bridge.saveExport(started.id, client.currentSession());
    if (!saved.ok) return saved;
    return { ok: true, value: saved.value ? { saved: 'file', path: saved.value.path } : { saved: null } };
  }
  const file = await client.call('export.file', { id: started.id });
  if (!file.ok) return file;
  download(file.value);
  return { ok: true, value: { saved: 'downloaded', fileName: file.value.fileName } };
}

/** The browser's own download of a file held in memory: a Blob behind an `<a download>`. */
export function download(file: ExportFile): void {
  const text = atob(file.dataBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file when click() returns in Chromium, but not in every engine: free it a bit later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
