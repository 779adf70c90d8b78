import type { settingsContract } from '../../../shared/contract/settings';
import type { Handlers } from '../../rpc/context';
import { readSettings, writeSettings } from './service';

export const settingsHandlers: Handlers<keyof typeof settingsContract> = {
  'settings.get': (_input, { db }) => readSettings(db),
  'settings.update': (input, ctx) => {
    const before = readSettings(ctx.db);
    writeSettings(ctx.db, input);
    const after = readSettings(ctx.db);
    ctx.audit({ entity: 'settings', entityId: 'station', before, after });
    return after;
  },
};
