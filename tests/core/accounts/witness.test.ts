import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/result';
import { activeStaff, coSign, witnessCtx, type WitnessCtx } from '../../../electron/features/accounts/witness';
import type { HandlerContext } from '../../../electron/rpc/context';
import { FREE_TRIES } from '../../../electron/features/accounts/throttle';
import { contentHash, openStation, type TestStation } from '../helpers';

let st: TestStation;
afterEach(() => st?.close());

const PASSWORD = 'Own-pass-22';

function station() {
  st = openStation();
  st.userWith(['front_desk'], 'desk');
  st.userWith(['front_desk'], 'colleague');
  const ids = Object.fromEntries(st.must('accounts.list', {}, st.adminSession).map((u) => [u.username, u.id]));
  const ctx = (): WitnessCtx => ({ db: st.core.db, now: st.clock.now(), actorId: ids.desk!, throttle: st.core.services.throttle });
  return { ids, ctx };
}

/** What coSign threw, as `CODE {fields}`; 'ok' if it accepted. */
function outcome(run: () => void): string {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return `${e.code} ${JSON.stringify(e.fields ?? {})}`;
  }
}

describe('coSign (moved to accounts)', () => {
  it('accepts another active staff member with their own password, and writes nothing', () => {
    const { ids, ctx } = station();
    const before = contentHash(st.core);
    expect(outcome(() => coSign(ctx(), { userId: ids.colleague!, password: PASSWORD }))).toBe('ok');
    expect(contentHash(st.core)).toBe(before);
  });

  it('keeps its errors at witness.* by default', () => {
    const { ids, ctx } = station();
    expect(outcome(() => coSign(ctx(), { userId: ids.desk!, password: PASSWORD }))).toBe('VALIDATION {"witness.userId":"v.witnessSelf"}');
    expect(outcome(() => coSign(ctx(), { userId: 999, password: PASSWORD }))).toBe('VALIDATION {"witness.userId":"v.witnessUnknown"}');
    expect(outcome(() => coSign(ctx(), { userId: ids.colleague!, password: 'wrong-one' }))).toBe('BAD_CREDENTIALS {"witness.password":"v.badCredentials"}');
  });

  it('reports at the path the caller names', () => {
    const { ids, ctx } = station();
    const at = 'acknowledgedBy';
    expect(outcome(() => coSign(ctx(), { userId: ids.desk!, password: PASSWORD }, at))).toBe('VALIDATION {"acknowledgedBy.userId":"v.witnessSelf"}');
    expect(outcome(() => coSign(ctx(), { userId: 999, password: PASSWORD }, at))).toBe('VALIDATION {"acknowledgedBy.userId":"v.witnessUnknown"}');
    expect(outcome(() => coSign(ctx(), { userId: ids.colleague!, password: 'wrong-one' }, at))).toBe(
      'BAD_CREDENTIALS {"acknowledgedBy.password":"v.badCredentials"}',
    );
  });

  it('refuses a disabled account as witness', () => {
    const { ids, ctx } = station();
    st.must('accounts.setDisabled', { id: ids.colleague!, disabled: true }, st.adminSession);
    expect(outcome(() => coSign(ctx(), { userId: ids.colleague!, password: PASSWORD }))).toBe('VALIDATION {"witness.userId":"v.witnessUnknown"}');
  });

  it('holds the witness’s name after repeated wrong passwords, even for the right one, as login does', () => {
    const { ids, ctx } = station();
    const witness = { userId: ids.colleague!, password: 'wrong-one' };
    for (let i = 1; i < FREE_TRIES; i++) expect(outcome(() => coSign(ctx(), witness))).toMatch(/^BAD_CREDENTIALS/);
    // One below the limit a right password still passes and clears the count.
    expect(outcome(() => coSign(ctx(), { ...witness, password: PASSWORD }))).toBe('ok');
    for (let i = 1; i <= FREE_TRIES; i++) expect(outcome(() => coSign(ctx(), witness))).toMatch(/^BAD_CREDENTIALS/);
    expect(outcome(() => coSign(ctx(), { ...witness, password: PASSWORD }))).toMatch(/^RATE_LIMITED/);
    // The same throttle as login: the colleague cannot sign in either until the hold ends.
    expect(st.call('auth.login', { username: 'colleague', password: PASSWORD }).ok).toBe(false);
    st.clock.advance(31_000);
    expect(outcome(() => coSign(ctx(), { ...witness, password: PASSWORD }))).toBe('ok');
  });

  it('tells a held witness how long the hold still lasts, as login does', () => {
    const { ids, ctx } = station();
    for (let i = 1; i <= FREE_TRIES; i++) expect(outcome(() => coSign(ctx(), { userId: ids.colleague!, password: 'wrong-one' }))).toMatch(/^BAD_CREDENTIALS/);
    st.clock.advance(10_000);
    const held = (() => {
      try {
        coSign(ctx(), { userId: ids.colleague!, password: PASSWORD });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(held).toMatchObject({ code: 'RATE_LIMITED', detail: { retryAfterMs: 20_000 } });
    expect(st.call('auth.login', { username: 'colleague', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', detail: { retryAfterMs: 20_000 } } });
  });
});

describe('witnessCtx', () => {
  it('checks a witness against the calling handler’s database, clock and login throttle, with the signed-in caller as the one who may not witness', () => {
    const { ids } = station();
    const actor = { id: ids.desk!, username: 'desk', displayName: 'desk', roles: ['front_desk' as const], mustChangePassword: false };
    const handler = { db: st.core.db, now: st.clock.now(), actor, throttle: st.core.services.throttle, procedure: 'intake.register' } as unknown as HandlerContext;
    const c = witnessCtx(handler);
    expect(c).toEqual({ db: st.core.db, now: st.clock.now(), actorId: ids.desk, throttle: st.core.services.throttle });
    expect(outcome(() => coSign(c, { userId: ids.desk!, password: PASSWORD }))).toBe('VALIDATION {"witness.userId":"v.witnessSelf"}');
    expect(outcome(() => coSign(c, { userId: ids.colleague!, password: PASSWORD }))).toBe('ok');
  });

  it('needs a signed-in caller', () => {
    const handler = { actor: null, procedure: 'intake.register' } as unknown as HandlerContext;
    expect(() => witnessCtx(handler)).toThrow(/without an actor/);
  });
});

describe('activeStaff', () => {
  it('lists active accounts by display name, leaving out disabled ones', () => {
    const { ids } = station();
    st.must('accounts.setDisabled', { id: ids.desk!, disabled: true }, st.adminSession);
    expect(activeStaff(st.core.db)).toEqual([
      { id: ids.colleague!, displayName: 'colleague' },
      { id: ids.admin!, displayName: '王站长' },
    ]);
  });
});
