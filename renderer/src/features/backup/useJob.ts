import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job } from '../../../../shared/contract/backup';
import { api } from '../../api/client';

const POLL_MS = 300;

/**
 * Follows a backup or restore job until it finishes: `follow` resolves with the finished job, and `job` is the
 * latest word on it (for the progress bar). A failed poll (the main process gone) ends the wait as a failure.
 */
export function useJob() {
  const [job, setJob] = useState<Job<unknown> | null>(null);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const follow = useCallback(async <R,>(started: Job<R>): Promise<Job<R>> => {
    let current: Job<R> = started;
    setJob(current);
    while (current.state === 'running' && live.current) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const r = await api().call('backup.job', { id: current.id });
      current = r.ok ? (r.value as Job<R>) : { ...current, state: 'failed', step: 'finished', error: r.error };
      if (live.current) setJob(current);
    }
    return current;
  }, []);
  return { job, follow, clear: () => setJob(null) };
}

/** Percent for the progress bar: pages copied while copying, else where the steps stand. */
export const jobPercent = (job: Job<unknown>): number =>
  job.state !== 'running' ? 100 : job.step === 'copying' && job.total > 0 ? Math.floor((job.done / job.total) * 100) : job.step === 'replacing' ? 99 : 0;
