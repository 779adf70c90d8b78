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
 * A mutation that resolves with the Result (forms need the field errors), and refreshes the queries of
 * the features named in `invalidates` when it succeeds.
 */
export function useRpcMutation<K extends ProcedureName>(name: K, invalidates: string[] = []) {
  const queryClient = useQueryClient();
  return useMutation<Result<Output<K>>, Error, Input<K>>({
    mutationFn: (input) => api().call(name, input),
    onSuccess: (r) => {
      if (!r.ok) return;
      for (const prefix of invalidates) {
        void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(prefix) });
      }
    },
  });
}
