import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import { api } from './client';

/**
 * At most one search per this many ms. The first keystroke after a quiet moment is sent at once (issue 12 holds
 * keystroke → painted results to 50 ms, and a search answers in about a millisecond); the rest of a burst (fast
 * typing, a paste, an IME commit) waits until the pause has passed and is sent once, as the latest text.
 */
export const SEARCH_DEBOUNCE_MS = 20;

export interface RpcSearch<K extends ProcedureName> {
  /** The answer for the latest input; undefined while there is nothing to search for or no answer yet. */
  data: Output<K> | undefined;
  error: Error | null;
  /** A search for the latest input is waiting to be sent or on its way. */
  searching: boolean;
}

/**
 * Search while typing, through the session's query cache. `input` is what has been typed so far, as the
 * procedure's input, or null when there is nothing to search for (the answer is then empty at once).
 *
 * Every distinct input is its own cache entry, and what is shown is always the answer to the latest one: an older,
 * slower answer lands in its own entry and never replaces a newer one. Until the latest answer comes, the previous
 * one stays on screen, so the list does not flicker between keystrokes; typing back to an earlier text answers
 * from the cache.
 */
export function useRpcSearch<K extends ProcedureName>(name: K, input: Input<K> | null, opts: { debounceMs?: number } = {}): RpcSearch<K> {
  const debounceMs = opts.debounceMs ?? SEARCH_DEBOUNCE_MS;
  const key = input === null ? null : JSON.stringify(input);
  const [sent, setSent] = useState<{ key: string | null; input: Input<K> | null }>({ key, input });
  const lastSentAt = useRef(Number.NEGATIVE_INFINITY);
  // Keyed by the input's JSON: callers build a new object on each render, and the same text must not count as new.
  // (`input` is left out of the dependencies: `key` is its content.)
  useEffect(() => {
    if (key === sent.key) return;
    if (key === null) return setSent({ key, input });
    const send = () => {
      lastSentAt.current = Date.now();
      setSent({ key, input });
    };
    const wait = lastSentAt.current + debounceMs - Date.now();
    if (wait <= 0) return send();
    const timer = window.setTimeout(send, wait);
    return () => window.clearTimeout(timer);
  }, [key, debounceMs]);

  const query = useQuery<Output<K>, Error>({
    queryKey: [name, sent.input],
    queryFn: () => api().get(name, sent.input as Input<K>),
    enabled: sent.input !== null,
    placeholderData: keepPreviousData,
  });
  if (input === null) return { data: undefined, error: null, searching: false };
  return { data: query.data, error: query.error, searching: key !== sent.key || query.isFetching };
}
