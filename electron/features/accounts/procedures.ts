import type { accountsContract } from '../../../shared/contract/accounts';
import { AppError } from '../../../shared/domain/result';
import { requireActor, type Handlers } from '../../rpc/context';
import { retireKey } from '../signatures/keys';
import { getAccount, insertAccount, listAccounts, setDisabled, setPassword, updateAccount } from './service';

export const accountsHandlers: Handlers<keyof typeof accountsContract> = {
  'accounts.list': (_input, { db }) => listAccounts(db),

  'accounts.create': (input, ctx) => {
    // An admin-chosen password is a temporary one: the new user picks their own at first login.
    const account = insertAccount(ctx.db, { ...input, mustChangePassword: true }, ctx.now);
    ctx.audit({ entity: 'user', entityId: account.id, after: account });
    return account;
  },

  'accounts.update': (input, ctx) => {
    const before = getAccount(ctx.db, input.id);
    const after = updateAccount(ctx.db, input.id, input.displayName, input.roles, ctx.now);
    ctx.audit({ entity: 'user', entityId: input.id, before, after });
    return after;
  },

  'accounts.setDisabled': (input, ctx) => {
    if (input.disabled && input.id === requireActor(ctx).id) {
      throw new AppError('CONFLICT', 'You cannot disable your own account.');
    }
    const before = getAccount(ctx.db, input.id);
    const after = setDisabled(ctx.db, input.id, input.disabled, ctx.now);
    ctx.audit({ entity: 'user', entityId: input.id, before, after });
    if (input.disabled) ctx.afterCommit(() => ctx.sessions.endAllOf(input.id));
    return after;
  },

  'accounts.resetPassword': (input, ctx) => {
    const before = getAccount(ctx.db, input.id);
    const after = setPassword(ctx.db, input.id, input.password, true, ctx.now);
    // The admin does not know the old password, so the user's signing key cannot be re-sealed: it is retired.
    retireKey(ctx.db, input.id, ctx.now);
    // The row says that the password was reset, never what it is.
    ctx.audit({ entity: 'user', entityId: input.id, before, after: { ...after, passwordReset: true } });
    // Stryker disable next-line OptionalChaining: accounts.manage is called only with a session (the dispatcher's authorize), so ctx.session is never missing here
    ctx.afterCommit(() => ctx.sessions.endAllOf(input.id, ctx.session?.id));
    return after;
  },
};
