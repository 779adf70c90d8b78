import type { exportContract } from '../../../shared/contract/export';
import type { HandlerContext, Handlers } from '../../rpc/context';
import { readRegister, registerFileName, registerSheet } from './intake-register';
import { startExport } from './start';

/** The session a file answers to (the access rule 'user' guarantees one). */
const owner = (ctx: HandlerContext): string => {
  if (!ctx.session) throw new Error(`${ctx.procedure} reached its handler without a session`);
  return ctx.session.id;
};

export const exportHandlers: Handlers<keyof typeof exportContract> = {
  'export.intakeRegister': (period, ctx) => {
    ctx.exports.ensureRoom(owner(ctx));
    const rows = readRegister(ctx.db, period);
    return startExport(ctx, { what: 'intake_register', fileName: registerFileName(period), period, sheets: [registerSheet(period, rows)] });
  },
  'export.status': ({ id }, ctx) => ctx.exports.status(id, owner(ctx)),
  'export.file': ({ id }, ctx) => ctx.exports.file(id, owner(ctx)),
};
