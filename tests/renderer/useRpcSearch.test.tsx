import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, setApiForTests } from '../../renderer/src/api/client';
import { SEARCH_DEBOUNCE_MS, useRpcSearch } from '../../renderer/src/api/useRpcSearch';
import type { PersonHit } from '../../shared/contract/people';
import type { Result } from '../../shared/domain/result';

const hit = (id: number, name: string): PersonHit => ({ id, name, sex: null, age: null, idNumber: null, description: null, pinyinInitials: '', lastStay: null });

/** A main process whose answers the test hands out, in whatever order it likes. */
function slowMain() {
  const calls: { q: string; answer: (names: string[]) => void }[] = [];
  setApiForTests(
    new ApiClient(
      (_procedure, input) =>
        new Promise<Result<unknown>>((resolve) =>
          calls.push({ q: (input as { q: string }).q, answer: (names) => resolve({ ok: true, value: names.map((n, i) => hit(i + 1, n)) }) }),
        ),
    ),
  );
  const call = async (q: string) => {
    await waitFor(() => expect(calls.map((c) => c.q)).toContain(q));
    return calls.find((c) => c.q === q)!;
  };
  return { calls, call };
}

function Search({ debounceMs }: { debounceMs?: number }) {
  const [q, setQ] = useState('');
  const { data, searching } = useRpcSearch('people.search', q ? { q } : null, { debounceMs });
  return (
    <>
      <input aria-label="search" value={q} onChange={(e) => setQ(e.target.value)} />
      <ul aria-label="hits" aria-busy={searching}>
        {(data ?? []).map((h) => (
          <li key={h.id}>{h.name}</li>
        ))}
      </ul>
    </>
  );
}

let queryClient: QueryClient;
const renderSearch = (debounceMs?: number) =>
  render(
    <QueryClientProvider client={queryClient}>
      <Search debounceMs={debounceMs} />
    </QueryClientProvider>,
  );
/** Keystrokes with no time passing between them (the clock is the test's). */
function typeAtOnce(text: string) {
  const box = screen.getByLabelText('search');
  for (let i = 1; i <= text.length; i++) fireEvent.change(box, { target: { value: text.slice(0, i) } });
}
const shown = () => screen.queryAllByRole('listitem').map((li) => li.textContent);

beforeEach(() => {
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 5_000 } } });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('search while typing', () => {
  it('never lets an older, slower answer replace the answer to what was typed last', async () => {
    const main = slowMain();
    renderSearch();
    const box = screen.getByLabelText('search');
    await userEvent.type(box, 'z');
    const z = await main.call('z');
    await userEvent.type(box, 'j');
    const zj = await main.call('zj');

    act(() => zj.answer(['张建国']));
    expect(await screen.findByText('张建国')).toBeInTheDocument();
    act(() => z.answer(['赵子龙', '张建国', '周杰']));
    // The late answer has arrived (it is in the cache, for a return to "z") and changed nothing on screen.
    await waitFor(() => expect(queryClient.getQueryData(['people.search', { q: 'z' }])).toHaveLength(3));
    expect(shown()).toEqual(['张建国']);
  });

  it('keeps the last answer on screen until the next one comes, then shows that', async () => {
    const main = slowMain();
    renderSearch();
    const box = screen.getByLabelText('search');
    await userEvent.type(box, 'z');
    const z = await main.call('z');
    act(() => z.answer(['赵子龙', '张建国']));
    await screen.findByText('赵子龙');
    await userEvent.type(box, 'j');
    const zj = await main.call('zj');
    expect(shown()).toEqual(['赵子龙', '张建国']);
    expect(screen.getByRole('list', { name: 'hits' })).toHaveAttribute('aria-busy', 'true');
    act(() => zj.answer(['张建国']));
    await waitFor(() => expect(shown()).toEqual(['张建国']));
    expect(screen.getByRole('list', { name: 'hits' })).toHaveAttribute('aria-busy', 'false');
  });

  it('answers a text typed again from the session’s cache, without asking again', async () => {
    const main = slowMain();
    renderSearch();
    const box = screen.getByLabelText('search');
    await userEvent.type(box, 'z');
    const z = await main.call('z');
    act(() => z.answer(['赵子龙']));
    await screen.findByText('赵子龙');
    await userEvent.type(box, 'j');
    const zj = await main.call('zj');
    act(() => zj.answer(['张建国']));
    await screen.findByText('张建国');
    await userEvent.type(box, '{Backspace}');
    expect(await screen.findByText('赵子龙')).toBeInTheDocument();
    expect(main.calls.map((c) => c.q)).toEqual(['z', 'zj']);
  });

  it('shows nothing, and asks nothing, once the box is empty', async () => {
    const main = slowMain();
    renderSearch();
    const box = screen.getByLabelText('search');
    await userEvent.type(box, 'z');
    const z = await main.call('z');
    act(() => z.answer(['赵子龙']));
    await screen.findByText('赵子龙');
    await userEvent.clear(box);
    expect(shown()).toEqual([]);
    expect(main.calls).toHaveLength(1);
  });

  it('pauses only briefly by default: issue 12 holds keystroke → painted results to 50 ms', () => {
    expect(SEARCH_DEBOUNCE_MS).toBeLessThan(50);
  });

  it.each([
    ['the default pause', undefined, SEARCH_DEBOUNCE_MS],
    ['a longer pause a caller asks for', 300, 300],
  ])('sends the first keystroke at once, and the rest of a burst once, as its latest text, after %s', (_, asked, pause) => {
    vi.useFakeTimers();
    const main = slowMain();
    renderSearch(asked);
    typeAtOnce('zjg');
    expect(main.calls.map((c) => c.q)).toEqual(['z']);
    act(() => vi.advanceTimersByTime(pause - 1));
    expect(main.calls.map((c) => c.q)).toEqual(['z']);
    act(() => vi.advanceTimersByTime(1));
    expect(main.calls.map((c) => c.q)).toEqual(['z', 'zjg']);
  });

  it('sends a keystroke that follows a quiet moment at once, with no pause in front of it', () => {
    vi.useFakeTimers();
    const main = slowMain();
    renderSearch(300);
    const box = screen.getByLabelText('search');
    fireEvent.change(box, { target: { value: 'z' } });
    act(() => vi.advanceTimersByTime(300));
    fireEvent.change(box, { target: { value: 'zh' } });
    expect(main.calls.map((c) => c.q)).toEqual(['z', 'zh']);
  });
});
