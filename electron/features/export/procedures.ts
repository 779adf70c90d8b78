import type { exportContract } from '../../../shared/contract/export';
import type { Handlers } from '../../rpc/context';
import { readRegister, registerFileName, registerSheet } from './intake-register';
import { ensureExportRoom, sessionOf, startExport } from './start';

export const exportHandlers: Handlers<keyof typeof exportContract> = {
  'export.intakeRegister': (period, ctx) => {
    ensureExportRoom(ctx);
    const rows = readRegister(ctx.db, period);
    return startExport(ctx, { what: 'intake_register', fileName: registerFileName(period), sheets: [registerSheet(period, rows)] });
  },
  'export.status': ({ id }, ctx) => ctx.exports.status(id, sessionOf(ctx)),
  'export.file': ({ id }, ctx) => ctx.exports.file(id, sessionOf(ctx)),
};
