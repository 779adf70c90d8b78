import type { ProcedureName } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';

/**
 * Who may call each procedure, written from DOMAIN.md's "Its users" and on purpose not from the role table in
 * shared/domain/roles.ts: the permission matrix and the contract test hold the dispatcher to this table, so a role
 * that gains or loses a permission turns them red. Every procedure in the contract must be placed here (a procedure
 * missing from it fails tests/core/accounts/roles.test.ts and the matrix); place a new one by what its users do, not by the
 * permission its contract names.
 */
export type Callers = typeof PUBLIC | typeof EVERYONE | readonly Role[];

/** Before anyone signs in: first-run setup, sign-in, and what the recovery screen and a restore's progress need. */
export const PUBLIC = 'public';
/** Every signed-in member of staff, whatever their roles: their own session, the station's settings. */
export const EVERYONE = 'everyone';

// The groups, from "Its users":
/** Front-desk staff run 24-hour intake; the duty leader leads the day's duty and stands in at the desk. */
const INTAKE_DESK: readonly Role[] = ['front_desk', 'duty_leader'];
/**
 * Who sees the clients' records: the intake desk; duty staff, who patrol the station and answer the hotline and need
 * to know who is in; inspectors, who see each placed client at a foster-care home. Storekeepers and the kitchen do
 * not need the clients' records, and the station admin manages accounts and settings, not cases.
 */
const CASE_READERS: readonly Role[] = ['front_desk', 'duty_staff', 'duty_leader', 'inspector'];
/** The duty leader approves stay extensions and exceptions. */
const LEADER: readonly Role[] = ['duty_leader'];
/** The station admin: accounts, roles, settings (zones and beds among them), backups. */
const STATION_ADMIN: readonly Role[] = ['admin'];
/** Accountability: the duty leader reviews the day, the admin answers for the station; both read the audit trail. */
const AUDITORS: readonly Role[] = ['duty_leader', 'admin'];
/** Everyone on staff works shifts and sees the roster (and who is on duty now). */
const ALL_STAFF: readonly Role[] = ['front_desk', 'duty_staff', 'duty_leader', 'storekeeper', 'food_safety', 'inspector', 'admin'];
/** The leaders of the day and the admin draw up the rosters. */
const ROSTER_PLANNERS: readonly Role[] = ['duty_leader', 'admin'];
/**
 * The shift on duty inside the station: the desk, duty staff and the duty leader walk the patrols, log incidents and
 * compose, hand over and acknowledge the shift. Signing the handover is the leader's alone (LEADER).
 */
const SHIFT_CREW: readonly Role[] = ['front_desk', 'duty_staff', 'duty_leader'];
/**
 * Who sees the store: the storekeeper; those who hand supplies out (the desk, outreach staff) or lead the day; the
 * kitchen, which draws food from it; the admin, who keeps the campaign fund and approves large write-offs.
 */
const STOCK_READERS: readonly Role[] = ['front_desk', 'duty_staff', 'duty_leader', 'storekeeper', 'food_safety', 'admin'];
/** The storekeeper receives, issues, reverses and counts. */
const STOREKEEPER: readonly Role[] = ['storekeeper'];
/** The front desk gives a client the small list of supplies (water, medicine, summer clothes); the storekeeper anything. */
const CLIENT_SUPPLIES: readonly Role[] = ['front_desk', 'storekeeper'];

export const PERMISSION_SPEC = {
  'setup.status': PUBLIC,
  'setup.initialize': PUBLIC,
  'setup.loadDemo': PUBLIC,
  'auth.login': PUBLIC,
  'auth.logout': EVERYONE,
  'auth.session': EVERYONE,
  'auth.changePassword': EVERYONE,
  'auth.lock': EVERYONE,
  'auth.unlock': EVERYONE,
  'auth.touch': EVERYONE,

  'accounts.list': STATION_ADMIN,
  'accounts.create': STATION_ADMIN,
  'accounts.update': STATION_ADMIN,
  'accounts.setDisabled': STATION_ADMIN,
  'accounts.resetPassword': STATION_ADMIN,

  'audit.list': AUDITORS,
  'audit.actors': AUDITORS,
  'audit.verify': AUDITORS,

  'settings.get': EVERYONE,
  'settings.update': STATION_ADMIN,

  'people.search': CASE_READERS,
  'people.matches': CASE_READERS,
  'people.get': CASE_READERS,
  'people.photo': CASE_READERS,
  'people.update': INTAKE_DESK,
  'people.setPhoto': INTAKE_DESK,
  'people.link': INTAKE_DESK,
  'people.unlink': INTAKE_DESK,
  'people.clearIdNumber': INTAKE_DESK,

  'intake.get': CASE_READERS,
  'intake.board': CASE_READERS,
  'intake.boardList': CASE_READERS,
  'intake.staff': CASE_READERS,
  'intake.beds': CASE_READERS,
  'intake.register': INTAKE_DESK,
  'intake.triage': INTAKE_DESK,
  'intake.setConditions': INTAKE_DESK,
  'intake.safetyCheck': INTAKE_DESK,
  'intake.custodyAdd': INTAKE_DESK,
  'intake.custodySettle': INTAKE_DESK,
  'intake.assignBed': INTAKE_DESK,
  'intake.completeTask': INTAKE_DESK,
  'intake.addService': INTAKE_DESK,
  'intake.offerOwnership': INTAKE_DESK,
  'intake.answerOwnership': INTAKE_DESK,
  'intake.discharge': INTAKE_DESK,
  'intake.extend': LEADER,
  'intake.zones': STATION_ADMIN,
  'intake.zoneSave': STATION_ADMIN,
  'intake.bedsAdd': STATION_ADMIN,
  'intake.bedSetActive': STATION_ADMIN,

  /** Each caller's alerts are filtered by what they may read; the list itself is for everyone. */
  'alerts.list': EVERYONE,
  /** The intake register leaves the station with those who read the clients' records. */
  'intake.exportRegister': CASE_READERS,
  /** An export belongs to the session that started it; the file answers only to it. */
  'export.status': EVERYONE,
  'export.file': EVERYONE,

  'roster.staff': ALL_STAFF,
  'roster.get': ALL_STAFF,
  'roster.check': ALL_STAFF,
  'roster.onDuty': ALL_STAFF,
  'roster.staffSave': ROSTER_PLANNERS,
  'roster.assign': ROSTER_PLANNERS,
  'roster.unassign': ROSTER_PLANNERS,
  'roster.copyWeek': ROSTER_PLANNERS,
  'roster.publish': ROSTER_PLANNERS,
  'roster.swap': ROSTER_PLANNERS,
  'roster.replace': ROSTER_PLANNERS,
  'roster.sickLeave': ROSTER_PLANNERS,
  'roster.cover': ROSTER_PLANNERS,
  /** The roster leaves the station as a spreadsheet for whoever reads it. */
  'roster.export': ALL_STAFF,

  /** Checkpoints are the station's layout: listed for anyone, set up by the admin with the settings. */
  'patrol.checkpoints': EVERYONE,
  'patrol.checkpointSave': STATION_ADMIN,
  'patrol.status': SHIFT_CREW,
  'patrol.record': SHIFT_CREW,
  'patrol.log': SHIFT_CREW,
  'patrol.followUps': SHIFT_CREW,
  'patrol.closeFollowUp': SHIFT_CREW,
  'incident.record': SHIFT_CREW,
  'incident.list': SHIFT_CREW,

  'handover.list': SHIFT_CREW,
  'handover.get': SHIFT_CREW,
  'handover.verify': SHIFT_CREW,
  'handover.open': SHIFT_CREW,
  'handover.refresh': SHIFT_CREW,
  'handover.saveNotes': SHIFT_CREW,
  'handover.submit': SHIFT_CREW,
  'handover.reopen': SHIFT_CREW,
  'handover.acknowledge': SHIFT_CREW,
  'handover.addendum': SHIFT_CREW,
  'handover.sign': LEADER,

  'stock.items': STOCK_READERS,
  'stock.item': STOCK_READERS,
  'stock.scan': STOCK_READERS,
  'stock.receiptGet': STOCK_READERS,
  'stock.issueGet': STOCK_READERS,
  'stock.stayIssues': STOCK_READERS,
  'stock.journal': STOCK_READERS,
  'stock.approvers': STOCK_READERS,
  'stock.stocktakeGet': STOCK_READERS,
  'stock.stocktakes': STOCK_READERS,
  'stock.ledger': STOCK_READERS,
  'stock.ledgerEntries': STOCK_READERS,
  'stock.budget': STOCK_READERS,
  'stock.fundCharges': STOCK_READERS,
  'stock.balancesCheck': STOCK_READERS,
  'stock.exportLedger': STOCK_READERS,
  'stock.itemSave': STOREKEEPER,
  'stock.receive': STOREKEEPER,
  'stock.issue': STOREKEEPER,
  'stock.reverse': STOREKEEPER,
  'stock.stocktakeStart': STOREKEEPER,
  'stock.stocktakeCount': STOREKEEPER,
  'stock.stocktakeApprove': STOREKEEPER,
  'stock.stocktakeCancel': STOREKEEPER,
  'stock.fundCharge': STOREKEEPER,
  'stock.balancesRebuild': STOREKEEPER,
  'stock.issueToStay': CLIENT_SUPPLIES,
  /** The campaign fund is set like a setting, by the admin. */
  'stock.fundSave': STATION_ADMIN,

  'backup.list': STATION_ADMIN,
  'backup.run': STATION_ADMIN,
  'backup.restore': STATION_ADMIN,
  /** A restore signs everyone out before its outcome is read; the job's random id is the permission. */
  'backup.job': PUBLIC,
  'recovery.status': PUBLIC,
  'recovery.restore': PUBLIC,
} satisfies Partial<Record<ProcedureName, Callers>>;

const spec: Partial<Record<string, Callers>> = PERMISSION_SPEC;

/** The spec's callers of a procedure; throws for a procedure not yet placed in the spec. */
export function specFor(name: string): Callers {
  const callers = spec[name];
  if (callers === undefined) throw new Error(`${name} is not in the permission spec (tests/core/harness/permission-spec.ts): place it there`);
  return callers;
}

/** Whether the spec lets a signed-in user with this one role call the procedure. */
export function specAllows(name: string, role: Role): boolean {
  const callers = specFor(name);
  return callers === PUBLIC || callers === EVERYONE || callers.includes(role);
}

/**
 * Permissions no procedure names as its access. Some belong to modules not built yet: a signed-in user's session
 * still lists them, and the navigation shows each module to whoever holds its permission. One is checked on a second
 * person inside a procedure, not on the caller. From "Its users":
 */
export const MODULE_SPEC = {
  /** A large write-off or a stocktake's differences are approved, with a password, by a duty leader or the admin. */
  'stock.approve': ['duty_leader', 'admin'],
  /** The kitchen's food-safety officer keeps the samples and fridge temperatures. */
  'food_samples.write': ['food_safety'],
  /** Inspectors inspect the foster-care homes. */
  'foster_care.inspect': ['inspector'],
  /** Duty staff go on outreach trips and take tips; the duty leader leads them. */
  'outreach.write': ['duty_staff', 'duty_leader'],
  /** The summary report to the bureau: the duty leader and the admin. */
  'reports.read': ['duty_leader', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
