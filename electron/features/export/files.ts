import type { ExportFile, ExportStatus } from '../../../shared/contract/export';
import { XLSX_MEDIA_TYPE } from '../../../shared/contract/export';
import { AppError } from '../../../shared/domain/result';
import type { Logger } from '../../log';

/** How long a finished file stays fetchable: enough to save it again after a cancelled dialog, not a store of copies. */
export const KEEP_FILE_MS = 15 * 60_000;
/**
 * Exports waiting or being built at once, in all (each holds its rows in memory until it is written: a year of a
 * large station is about 50 MB) and per session (a second click while the first file is made is a mistake).
 */
export const MAX_PENDING = 4;

/** Finished files kept at most (the oldest go first): each is up to a few MB. */
export const MAX_KEPT = 10;

interface Entry extends ExportStatus {
  owner: string;
  data: Buffer | null;
  finishedAt: number | null;
}

/**
 * Export files being built, or built and waiting to be fetched, in the main process's memory only (they hold
 * personal data: nothing is written to disk but by the user's own save). Builds run one after another, after the
 * call that read their rows, on their own queue: never behind a backup or restore job, and never holding one up.
 * Each file answers only to the session that started it; it is forgotten KEEP_FILE_MS after it was finished.
 */
export class ExportFiles {
  private readonly entries = new Map<string, Entry>();
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {}

  /**
   * Refuses a new export while this session's last one, or MAX_PENDING in all, are under way. Asked before the
   * rows are read, so a refusal costs nothing.
   */
  ensureRoom(owner: string): void {
    const mine = [...this.entries.values()].some((e) => e.owner === owner && e.state === 'building');
    if (mine) throw new AppError('CONFLICT', 'Your last export is still being prepared.', { '(root)': 'v.exportBusy' });
    if (this.pending >= MAX_PENDING) {
      throw new AppError('CONFLICT', 'Other exports are still being prepared; try again in a moment.', { '(root)': 'v.exportBusy' }, { pending: this.pending });
    }
  }

  /** Queues the build of a file; `build` hears nothing of the database (its rows were read already). */
  add(id: string, owner: string, meta: { fileName: string; rows: number }, build: (progress: (written: number) => void) => Promise<Buffer>): void {
    this.forgetOld();
    const entry: Entry = { id, owner, ...meta, state: 'building', written: 0, bytes: null, data: null, error: null, finishedAt: null };
    this.entries.set(id, entry);
    this.pending += 1;
    const run = async () => {
      try {
        const data = await build((written) => (entry.written = written));
        Object.assign(entry, { state: 'ready', data, bytes: data.length, written: meta.rows });
      } catch (e) {
        this.logger.error('export failed', { id, fileName: meta.fileName, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
        Object.assign(entry, { state: 'failed', error: new AppError('INTERNAL', 'The file could not be made; nothing was saved.').toShape() });
      } finally {
        entry.finishedAt = this.clock();
        this.pending -= 1;
      }
    };
    this.queue = this.queue.then(run);
  }

  status(id: string, owner: string): ExportStatus {
    const { owner: _owner, data: _data, finishedAt: _finishedAt, ...status } = this.find(id, owner);
    return status;
  }

  /** The finished file; CONFLICT while it is being built, and the build's own error if it failed. */
  file(id: string, owner: string): ExportFile {
    const entry = this.find(id, owner);
    if (entry.error) throw new AppError(entry.error.code, entry.error.message);
    if (!entry.data) throw new AppError('CONFLICT', 'The file is still being prepared.', undefined, { written: entry.written, rows: entry.rows });
    return { fileName: entry.fileName, mediaType: XLSX_MEDIA_TYPE, dataBase64: entry.data.toString('base64') };
  }

  /** Settles when every build queued so far has finished (tests wait on it). */
  async idle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.queue) await (seen = this.queue);
  }

  private find(id: string, owner: string): Entry {
    this.forgetOld();
    const entry = this.entries.get(id);
    // Another session's export is as unknown as a made-up id: nothing says it exists.
    if (!entry || entry.owner !== owner) throw new AppError('NOT_FOUND', 'No such export.');
    return entry;
  }

  private forgetOld(): void {
    const now = this.clock();
    const finished = [...this.entries.values()].filter((e) => e.finishedAt !== null);
    finished.forEach((e, i) => {
      if (now - e.finishedAt! > KEEP_FILE_MS || i < finished.length - MAX_KEPT) this.entries.delete(e.id);
    });
  }
}
