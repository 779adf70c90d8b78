import type { Input, ProcedureName } from '../../shared/contract';
import { setupSamples } from './samples/setup';
import { accountsSamples } from './samples/accounts';
import { auditSamples } from './samples/audit';
import { settingsSamples } from './samples/settings';
import { peopleSamples } from './samples/people';
import { intakeSamples } from './samples/intake';
import { backupSamples } from './samples/backup';
import { alertsSamples } from './samples/alerts';
import { exportSamples } from './samples/export';
import { dutySamples } from './samples/duty';
import { stockSamples } from './samples/stock';

/**
 * One valid input for every procedure in the contract, each feature's in `samples/<feature>.ts`. Typed against the
 * contract, so a new procedure without a sample does not compile: the whole-contract tests (fuzz, permission matrix,
 * contract) then cover it the day it lands. A new feature adds its file and one line here.
 */
export const validInputs: { [K in ProcedureName]: Input<K> } = {
  ...setupSamples,
  ...accountsSamples,
  ...auditSamples,
  ...settingsSamples,
  ...peopleSamples,
  ...intakeSamples,
  ...backupSamples,
  ...alertsSamples,
  ...exportSamples,
  ...dutySamples,
  ...stockSamples,
};
