import { dutySettingsProblems } from '../../../shared/contract/duty-settings';
import type { settingsContract } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/domain/result';
import type { Handlers } from '../../rpc/context';
import { readSettings, writeSettings } from './service';

export const settingsHandlers: Handlers<keyof typeof settingsContract> = {
  'settings.get': (_input, ctx) => ctx.settings,
  'settings.update': (input, ctx) => {
    const before = ctx.settings;
    const merged = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    if (merged.stayWarnDay > merged.stayLimitDays) {
      throw new AppError('VALIDATION', 'The warning day must not come after the limit.', { stayWarnDay: 'v.warnAfterLimit' });
    }
    // The duty settings as they will stand: a new template checked against the stored head counts, and the reverse.
    const duty = dutySettingsProblems(merged);
    if (Object.keys(duty).length) throw new AppError('VALIDATION', 'The duty settings do not fit together.', duty);
    writeSettings(ctx.db, input);
    // The new settings, not the call's own copy (read before the change).
    const after = readSettings(ctx.db);
    ctx.audit({ entity: 'settings', entityId: 'station', before, after });
    return after;
  },
};
