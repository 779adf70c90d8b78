import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../renderer/src/i18n';
import { ApiClient, setApiForTests } from '../../renderer/src/api/client';
import { useRpcMutation, useRpcQuery } from '../../renderer/src/api/hooks';
import { RpcFormModal } from '../../renderer/src/components/RpcFormModal';
import { contract } from '../../shared/contract';
import type { Result } from '../../shared/domain/result';

/** A main process that counts the calls of each procedure; mutations succeed unless told to refuse. */
function countingMain(refuse = false) {
  const calls: Record<string, number> = {};
  setApiForTests(
    new ApiClient(async (procedure): Promise<Result<unknown>> => {
      calls[procedure] = (calls[procedure] ?? 0) + 1;
      if (refuse && contract[procedure as keyof typeof contract].kind === 'mutation') return { ok: false, error: { code: 'CONFLICT', message: 'no' } };
      return { ok: true, value: {} };
    }),
  );
  return calls;
}

/** What four features' pages have loaded: a person, today's board, the settings, the audit trail. */
function Loaded() {
  useRpcQuery('people.get', { id: 1 });
  useRpcQuery('intake.board', {});
  useRpcQuery('settings.get', {});
  useRpcQuery('audit.list', { page: 1, pageSize: 20 });
  return null;
}

function SavePerson({ refreshes }: { refreshes?: string[] }) {
  const save = useRpcMutation('people.update', refreshes);
  return (
    <>
      <Loaded />
      <button onClick={() => save.mutate({ id: 1, name: '陈志强' })}>save</button>
      <output>{save.data ? (save.data.ok ? 'saved' : 'refused') : ''}</output>
    </>
  );
}

let queryClient: QueryClient;
const withCache = (ui: React.ReactNode) => render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
const loadedOnce = { 'people.get': 1, 'intake.board': 1, 'settings.get': 1, 'audit.list': 1 };

beforeEach(() => {
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
});

describe('after a change is saved', () => {
  it('refreshes the procedure’s own feature, the audit trail and the features the caller names, and nothing else', async () => {
    const calls = countingMain();
    withCache(<SavePerson refreshes={['intake']} />);
    await waitFor(() => expect(calls).toMatchObject(loadedOnce));
    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    await waitFor(() => expect(calls).toMatchObject({ 'people.update': 1, 'people.get': 2, 'intake.board': 2, 'audit.list': 2 }));
    expect(calls['settings.get']).toBe(1);
  });

  it('leaves another feature’s pages alone when the caller names none', async () => {
    const calls = countingMain();
    withCache(<SavePerson />);
    await waitFor(() => expect(calls).toMatchObject(loadedOnce));
    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    await waitFor(() => expect(calls).toMatchObject({ 'people.get': 2, 'audit.list': 2 }));
    expect(calls['intake.board']).toBe(1);
  });

  it('refreshes nothing when the main process refused the change', async () => {
    const calls = countingMain(true);
    withCache(<SavePerson refreshes={['intake']} />);
    await waitFor(() => expect(calls).toMatchObject(loadedOnce));
    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    expect(await screen.findByText('refused')).toBeInTheDocument();
    expect(calls).toEqual({ ...loadedOnce, 'people.update': 1 });
  });

  it('refreshes, from a form modal, the feature of the modal’s procedure rather than a fixed list', async () => {
    const calls = countingMain();
    withCache(
      <>
        <Loaded />
        <RpcFormModal open title="extend" procedure="intake.extend" schema={contract['intake.extend'].input}
          defaultValues={{ stayId: 1, days: 5, reason: '等待家属' }} fields={['days', 'reason']} onClose={() => {}}>
          {() => null}
        </RpcFormModal>
      </>,
    );
    await waitFor(() => expect(calls).toMatchObject(loadedOnce));
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls).toMatchObject({ 'intake.extend': 1, 'intake.board': 2, 'audit.list': 2 }));
    expect(calls['people.get']).toBe(1);
    expect(calls['settings.get']).toBe(1);
  });
});
