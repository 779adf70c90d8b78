import { randomUUID } from 'node:crypto';
import type { Job } from '../../shared/contract/backup';
import { AppError } from '../../shared/domain/result';
import type { Logger } from '../log';

export type JobReport = (step: Job<unknown>['step'], done?: number, total?: number) => void;

/** How many finished jobs stay readable (their outcome is read once, a moment after they finish). */
const KEEP_FINISHED = 20;

/**
 * Work on the database file that takes longer than a call may (a backup, a restore): started by an operation or
 * the backup schedule, run in the background (worker threads) while the station keeps answering, followed by
 * `backup.job`. One at a time: a second one is refused while the first runs. Nothing thrown escapes; a failure is
 * the job's outcome.
 */
export class Jobs {
  private readonly jobs = new Map<string, Job<unknown>>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {}

  start<R>(kind: Job<R>['kind'], work: (report: JobReport) => Promise<R>): Job<R> {
    const busy = this.running();
    if (busy) throw new AppError('CONFLICT', `A ${busy.kind} is running; wait for it to finish.`, undefined, { jobId: busy.id });
    const job: Job<R> = { id: randomUUID(), kind, state: 'running', step: 'checking', done: 0, total: 0, startedAt: this.clock(), finishedAt: null, result: null, error: null };
    this.jobs.set(job.id, job as Job<unknown>);
    // A step without a count keeps the last one (checking after copying still says what was copied).
    const report: JobReport = (step, done = job.done, total = job.total) => Object.assign(job, { step, done, total });
    const run = work(report).then(
      (result) => Object.assign(job, { state: 'done', step: 'finished', result, finishedAt: this.clock() }),
      (e: unknown) => {
        const error =
          e instanceof AppError
            ? e.toShape()
            : { code: 'INTERNAL' as const, message: `The ${kind} failed: ${e instanceof Error ? e.message : String(e)}. Nothing was replaced.` };
        if (!(e instanceof AppError)) this.logger.error(`${kind} job failed`, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
        Object.assign(job, { state: 'failed', step: 'finished', error, finishedAt: this.clock() });
      },
    );
    this.pending.add(run);
    void run.finally(() => {
      this.pending.delete(run);
      this.forgetOld();
    });
    return { ...job };
  }

  /** A copy of the job as it stands. */
  get(id: string): Job<unknown> | undefined {
    const job = this.jobs.get(id);
    return job && { ...job };
  }

  /** The job running now, if any (a page opened while it runs follows it). */
  running(): Job<unknown> | null {
    const job = [...this.jobs.values()].find((j) => j.state === 'running');
    return job ? { ...job } : null;
  }

  /** Whether a job is running (automatic backups wait their turn). */
  busy(): boolean {
    return this.pending.size > 0;
  }

  /** Settles when every job started so far has finished (on quit, and in tests). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.id);
  }
}
