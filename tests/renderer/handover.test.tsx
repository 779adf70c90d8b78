import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HandoverDetail, HandoverVerification } from '../../shared/contract/handover';
import type { SignatureView } from '../../shared/domain/signatures';
import { entityPath, preloadPages, type FeatureEntry } from '../../renderer/src/app/feature';
import { FEATURES } from '../../renderer/src/app/features';
import { ROLE_PERMISSIONS } from '../../shared/domain/roles';
import { renderApp, renderShell } from './fake-main';

// The feature pages are lazy chunks (issue 12): load them all once, so no test's first wait covers a chunk's import.
beforeAll(() => preloadPages(FEATURES), 120_000);

const H = (hh: number, mm = 0) => Date.UTC(2026, 11, 2, hh - 8, mm); // 2026-12-02 on the Shanghai clock

function handover(over: Partial<HandoverDetail> = {}): HandoverDetail {
  return {
    id: 5,
    shift: { day: '2026-12-01', code: 'night', name: '夜班', from: H(-4), to: H(8) },
    state: 'submitted',
    openedAt: H(7, 30),
    openedBy: { id: 2, displayName: '李洁' },
    compiledAt: H(7, 50),
    sections: [
      { key: 'intake.census', feature: 'intake', figures: [{ key: 'residents', value: 12 }, { key: 'freeBeds', value: 4, of: 16 }], lines: [] },
      { key: 'stock.shift', feature: 'stock', figures: [{ key: 'receipts', value: 2 }], lines: [] },
      { key: 'duty.incidents', feature: 'duty', figures: [], lines: [{ entity: 'incident', id: 1, name: '王某', description: null, owner: '赵敏', detail: 'fight', at: H(2, 10) }] },
      { key: 'foster.visits', feature: 'foster', figures: [{ key: 'due', value: 1 }], lines: [] },
    ],
    notes: '3号床老人夜间咳嗽，请留意',
    submittedAt: H(7, 55),
    submittedBy: { id: 2, displayName: '李洁' },
    acknowledgements: [],
    leadersOnDuty: [{ id: 9, displayName: '周队长' }],
    signatures: [],
    addenda: [],
    ...over,
  };
}

const signature: SignatureView = {
  id: 1, entity: 'handover', entityId: '5', signer: { id: 1, displayName: '陈副站长' }, signedAt: H(8, 10), reason: '周队长外出开会',
  fingerprint: '9f3a0c1e', anchor: { id: 40, hash: 'ab' },
};

const staff = [
  { id: 1, userId: 2, name: '李洁', job: null, posts: ['front_desk'], postsFromRoles: true, active: true, leader: false },
  { id: 2, userId: 3, name: '赵敏', job: null, posts: ['front_desk'], postsFromRoles: true, active: true, leader: false },
];

beforeEach(() => sessionStorage.clear());

describe('a handover on screen', () => {
  it('shows every section from the registry by its feature’s words, stock’s too, and an unnamed one by its key', async () => {
    renderApp('#/handover/5', 'front_desk', '赵敏', { 'handover.get': handover() });
    expect(await screen.findByTestId('section-intake.census')).toHaveTextContent('在站人数与床位');
    expect(screen.getByTestId('section-intake.census')).toHaveTextContent('4 / 16');
    expect(screen.getByTestId('section-stock.shift')).toHaveTextContent('本班物资进出');
    expect(screen.getByTestId('section-stock.shift')).toHaveTextContent('入库单');
    expect(screen.getByTestId('section-duty.incidents')).toHaveTextContent('王某');
    expect(screen.getByTestId('section-duty.incidents')).toHaveTextContent('打架');
    expect(screen.getByTestId('section-foster.visits')).toHaveTextContent('foster.visits');
    expect(screen.getByTestId('handover-state')).toHaveTextContent('待接班确认');
  });

  it('has the incoming clerk acknowledge with their own name and password, never offering the outgoing clerk', async () => {
    const fake = renderApp('#/handover/5', 'front_desk', '赵敏', {
      'handover.get': handover(),
      'roster.staff': staff,
      'handover.acknowledge': (i: { incoming: { password: string } }) =>
        i.incoming.password === 'right-one' ? { ok: true, value: handover({ state: 'acknowledged' }) } : { ok: false, error: { code: 'BAD_CREDENTIALS', message: 'x', fields: { 'incoming.password': 'v.badCredentials' } } },
    });
    await userEvent.click(await screen.findByTestId('handover-ack'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('combobox'));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(1));
    const offered = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
    expect(offered).toEqual(['赵敏']); // not 李洁, who submitted it: the outgoing side
    await userEvent.click(document.querySelector('.ant-select-item-option')!);
    await userEvent.type(within(dialog).getByTestId('ack-password'), 'wrong-one');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认接班' }));
    await waitFor(() => expect(fake.of('handover.acknowledge')).toEqual([{ id: 5, incoming: { userId: 3, password: 'wrong-one' } }]));
    expect(await within(dialog).findByText('用户名或密码不正确')).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument(); // refused: it stays open
  });

  it('asks a leader not on duty for a reason before signing, and not the leader on duty', async () => {
    renderApp('#/handover/5', 'duty_leader', '陈副站长', { 'handover.get': handover({ state: 'acknowledged' }) });
    await userEvent.click(await screen.findByTestId('handover-sign'));
    expect(await screen.findByTestId('sign-reason')).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toHaveTextContent('周队长');
  });

  it('lets the leader on duty sign with the password alone', async () => {
    const fake = renderApp('#/handover/5', 'duty_leader', '周队长', {
      'handover.get': handover({ state: 'acknowledged', leadersOnDuty: [{ id: 1, displayName: '周队长' }] }),
      'handover.sign': () => ({ ok: true, value: handover({ state: 'signed' }) }),
    });
    await userEvent.click(await screen.findByTestId('handover-sign'));
    expect(screen.queryByTestId('sign-reason')).toBeNull();
    await userEvent.type(await screen.findByTestId('sign-password'), 'Own-pass-22');
    await userEvent.click(screen.getByRole('button', { name: '签名封存' }));
    await waitFor(() => expect(fake.of('handover.sign')).toEqual([{ id: 5, password: 'Own-pass-22' }]));
  });

  it('shows a signature’s signer, fingerprint and stated reason, and names what verify found changed', async () => {
    const verification: HandoverVerification = {
      handoverId: 5, state: 'signed', entity: 'handover', entityId: '5', sealed: true, ok: false, addenda: [],
      signatures: [{ signatureId: 1, ok: false, problems: [{ kind: 'record_changed', signedHash: 'aaaaaaaa11', currentHash: 'bbbbbbbb22' }, { kind: 'audit_rewritten', auditRowId: 38, reason: 'hash_mismatch' }] }],
    };
    renderApp('#/handover/5', 'duty_leader', '陈副站长', { 'handover.get': handover({ state: 'signed', signatures: [signature] }), 'handover.verify': verification });
    const shown = await screen.findByTestId('handover-signature');
    expect(shown).toHaveTextContent('陈副站长');
    expect(shown).toHaveTextContent('9f3a0c1e');
    expect(shown).toHaveTextContent('周队长外出开会');
    await userEvent.click(screen.getByTestId('handover-verify'));
    const result = await screen.findByTestId('verify-result');
    expect(result).toHaveTextContent('核验未通过');
    expect(result).toHaveTextContent('交接内容与签名时不一致');
    expect(result).toHaveTextContent('aaaaaaaa');
    expect(result).toHaveTextContent('第 38 条');
  });

  it('says verify passed when it did', async () => {
    const ok: HandoverVerification = { handoverId: 5, state: 'signed', entity: 'handover', entityId: '5', sealed: true, ok: true, addenda: [], signatures: [{ signatureId: 1, ok: true, problems: [] }] };
    renderApp('#/handover/5', 'duty_leader', '陈副站长', { 'handover.get': handover({ state: 'signed', signatures: [signature] }), 'handover.verify': ok });
    await userEvent.click(await screen.findByTestId('handover-verify'));
    expect(await screen.findByTestId('verify-result')).toHaveTextContent('核验通过');
  });
});

describe('a handover line and its record (FeatureEntry.entityLinks)', () => {
  /** The registry with intake registering its stays' page, as a feature registers its entities. */
  const withStays: readonly FeatureEntry[] = FEATURES.map((f) => (f.key === 'intake' ? { ...f, entityLinks: { stay: (id: number) => `/intake/stay/${id}` } } : f));
  const lines = handover({
    sections: [
      { key: 'intake.overLimit', feature: 'intake', figures: [], lines: [{ entity: 'stay', id: 42, name: '王建国', description: null, owner: null, detail: '11', at: null }] },
      { key: 'duty.incidents', feature: 'duty', figures: [], lines: [{ entity: 'incident', id: 1, name: '打架', description: null, owner: '赵敏', detail: 'fight', at: H(2, 10) }] },
      { key: 'foster.visits', feature: 'foster', figures: [], lines: [{ entity: 'foster_visit', id: 7, name: '福利院', description: null, owner: null, detail: '', at: null }] },
    ],
  });

  it('links to its stay’s page, through the entity the stay’s feature registered, and opens it', async () => {
    renderShell('#/handover/5', 'front_desk', '赵敏', { 'handover.get': lines }, withStays);
    const link = await screen.findByTestId('line-link-stay-42');
    expect(link).toHaveTextContent('王建国');
    expect(link).toHaveAttribute('href', '#/intake/stay/42');
    expect(screen.getByTestId('line-link-incident-1')).toHaveAttribute('href', '#/roster/incidents'); // roster's own
    // No feature registered foster visits: the line is there, as text.
    expect(screen.getByTestId('section-foster.visits')).toHaveTextContent('福利院');
    expect(screen.getByTestId('section-foster.visits').querySelector('a')).toBeNull();
    await userEvent.click(link);
    await waitFor(() => expect(window.location.hash).toBe('#/intake/stay/42'));
  });

  it('leads nowhere a user could not open: a feature they do not see, or one not built', () => {
    const stays = withStays.find((f) => f.key === 'intake')!;
    expect(entityPath([stays], ROLE_PERMISSIONS.front_desk, 'stay', 42)).toBe('/intake/stay/42');
    expect(entityPath([stays], ROLE_PERMISSIONS.storekeeper, 'stay', 42)).toBeUndefined(); // no intake.read
    expect(entityPath([{ ...stays, built: false }], ROLE_PERMISSIONS.front_desk, 'stay', 42)).toBeUndefined();
    expect(entityPath([stays], ROLE_PERMISSIONS.front_desk, 'toString', 1)).toBeUndefined(); // only the entities it names
    expect(entityPath(FEATURES, ROLE_PERMISSIONS.front_desk, 'roster', 20261203)).toBe('/roster?day=2026-12-03');
  });
});

describe('the handover register page (交接班登记表)', () => {
  it('prints each signer with the time and the signature’s fingerprint once signed', async () => {
    renderApp('#/print/handover/5', 'duty_leader', '陈副站长', {
      'handover.get': handover({ state: 'signed', acknowledgements: [{ user: { id: 3, displayName: '赵敏' }, at: H(8, 2) }], signatures: [signature] }),
    });
    expect(await screen.findByRole('heading', { name: '交接班登记表' })).toBeInTheDocument();
    const leaderRow = screen.getByRole('cell', { name: '9f3a0c1e' }).closest('tr')!;
    expect(leaderRow).toHaveTextContent('带班领导');
    expect(leaderRow).toHaveTextContent('陈副站长');
    expect(leaderRow).toHaveTextContent('周队长外出开会');
    expect(screen.getByRole('cell', { name: '接班人' }).closest('tr')).toHaveTextContent('赵敏');
    expect(screen.getByTestId('print-button')).toBeEnabled();
  });

  it('will not print before the leader has signed', async () => {
    renderApp('#/print/handover/5', 'front_desk', '赵敏', { 'handover.get': handover() });
    expect(await screen.findByRole('heading', { name: '交接班登记表' })).toBeInTheDocument();
    expect(screen.getByTestId('print-button')).toBeDisabled();
    expect(screen.getByText('带班领导签名后才能打印登记表')).toBeInTheDocument();
  });
});
