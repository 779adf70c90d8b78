import type { setupContract } from '../../../shared/contract/setup';
import { AppError } from '../../../shared/domain/result';
import { DEMO_PASSWORD } from '../demo/generate';
import type { Handlers } from '../../rpc/context';
import { insertAccount } from '../accounts/service';
import { readSettings, writeSettings } from '../settings/service';
import { isInitialized, loadDemoStation } from './service';

export const setupHandlers: Handlers<keyof typeof setupContract> = {
  'setup.status': (_input, { db, settings }) => {
    const initialized = isInitialized(db);
    return { initialized, stationName: initialized ? settings.stationName : null };
  },

  'setup.loadDemo': (_input, ctx) => {
    const { report, admin } = loadDemoStation(ctx.db, ctx.now, ctx.features);
    ctx.audit({ entity: 'station', entityId: 'station', actor: admin, after: { demo: true, persons: report.persons, stays: report.stays } });
    return { username: 'admin', password: DEMO_PASSWORD, persons: report.persons, stays: report.stays };
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
