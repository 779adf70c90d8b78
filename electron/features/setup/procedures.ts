import type { setupContract } from '../../../shared/contract/setup';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import type { Handlers } from '../../rpc/context';
import { insertAccount } from '../accounts/service';
import { readSettings, writeSettings } from '../settings/service';

export function isInitialized(db: DB): boolean {
  return db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
}

export const setupHandlers: Handlers<keyof typeof setupContract> = {
  'setup.status': (_input, { db }) => {
    const initialized = isInitialized(db);
    return { initialized, stationName: initialized ? readSettings(db).stationName : null };
  },

  'setup.initialize': (input, ctx) => {
    if (isInitialized(ctx.db)) throw new AppError('CONFLICT', 'This station has already been set up.');
    writeSettings(ctx.db, { stationName: input.stationName, timeZone: input.timeZone });
    const admin = insertAccount(
      ctx.db,
      { ...input.admin, roles: ['admin'], mustChangePassword: false },
      ctx.now,
    );
    ctx.audit({
      entity: 'station',
      entityId: 'station',
      actor: { id: admin.id, name: admin.displayName },
      after: { settings: readSettings(ctx.db), admin },
    });
    return { adminId: admin.id };
  },
};
