import { accountsContract } from './accounts';
import { alertsContract } from './alerts';
import { auditContract } from './audit';
import { backupContract } from './backup';
import { exportContract } from './export';
import { handoverContract } from './handover';
import { intakeContract } from './intake';
import { patrolContract } from './patrol';
import { peopleContract } from './people';
import { rosterContract } from './roster';
import { authContract } from './auth';
import type { InputOf, OutputOf, ProcedureDef } from './define';
import { settingsContract } from './settings';
import { setupContract } from './setup';
import { stockContract } from './stock';

/** Every procedure of StationDesk, joined from the features' contracts. */
export const contract = {
  ...setupContract,
  ...authContract,
  ...accountsContract,
  ...auditContract,
  ...settingsContract,
  ...peopleContract,
  ...intakeContract,
  ...backupContract,
  ...alertsContract,
  ...exportContract,
  ...rosterContract,
  ...patrolContract,
  ...handoverContract,
  ...stockContract,
} satisfies Record<string, ProcedureDef>;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type Input<K extends ProcedureName> = InputOf<Contract[K]>;
export type Output<K extends ProcedureName> = OutputOf<Contract[K]>;

export const procedureNames = Object.keys(contract) as ProcedureName[];
export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { SessionInfo, SessionUser } from './auth';
export type { Account } from './accounts';
export type { AuditEntry, AuditVerification } from './audit';
export type { StationSettings } from './settings';
export type { SetupStatus } from './setup';
