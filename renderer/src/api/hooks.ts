import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import type { Result } from '../../../shared/domain/result';
import { api } from './client';

/** A query procedure through react-query; the key is the procedure and its input. */
export function useRpcQuery<K extends ProcedureName>(
  name: K,
  input: Input<K>,
  opts: { enabled?: boolean; /** Ask again every so many ms while this says so (e.g. while something is being checked). */ refetchWhile?: (data: Output<K>) => number | false } = {},
) {
  const { refetchWhile } = opts;
  return useQuery<Output<K>, Error>({
    queryKey: [name, input],
    queryFn: () => api().get(name, input),
    enabled: opts.enabled ?? true,
    refetchInterval: refetchWhile ? (q) => (q.state.data === undefined ? false : refetchWhile(q.state.data)) : undefined,
  });
}

/**
 * The features whose queries a successful call of `name` makes stale: the procedure's own feature (its name's
 * prefix), the audit trail (every mutation writes a row there), and the features the caller names because their
 * pages show what this changes (e.g. a person's name on intake's board after `people.update`).
 */
export function staleAfter(name: ProcedureName, refreshes: readonly string[]): string[] {
  return [...new Set([name.split('.')[0]!, 'audit', ...refreshes])];
}

/**
 * A mutation that resolves with the Result (forms need the field errors) and, when it succeeds, refreshes the
 * queries of its own feature, the audit trail and the features in `refreshes` (see staleAfter).
 */
export function useRpcMutation<K extends ProcedureName>(name: K, refreshes: readonly string[] = []) {
  const queryClient = useQueryClient();
  return useMutation<Result<Output<K>>, Error, Input<K>>({
    mutationFn: (input) => api().call(name, input),
    onSuccess: (r) => {
      if (!r.ok) return;
      for (const feature of staleAfter(name, refreshes)) {
        void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(`${feature}.`) });
      }
    },
  });
}
