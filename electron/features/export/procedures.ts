import type { exportContract } from '../../../shared/contract/export';
import type { Handlers } from '../../rpc/context';
import { sessionOf } from './start';

export const exportHandlers: Handlers<keyof typeof exportContract> = {
  'export.status': ({ id }, ctx) => ctx.exports.status(id, sessionOf(ctx)),
  'export.file': ({ id }, ctx) => ctx.exports.file(id, sessionOf(ctx)),
};
