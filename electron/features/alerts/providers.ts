import { intakeAlerts, intakeHandoverSections } from '../intake/alerts';
import { dutyAlerts, dutyHandoverSections, rosterAlerts } from '../roster/alerts';
import { stockAlerts, stockHandoverSections } from '../stock/alerts';
import type { AlertProvider, HandoverSectionProvider } from './registry';

/**
 * The features' alerts and handover sections, in the order the board and the handover show them. A feature adds its
 * own here and nowhere else: the board, the header and the handover read them through the registry.
 */
export const ALERT_PROVIDERS: readonly AlertProvider[] = [intakeAlerts, dutyAlerts, rosterAlerts, stockAlerts];
export const HANDOVER_SECTIONS: readonly HandoverSectionProvider[] = [intakeHandoverSections, dutyHandoverSections, stockHandoverSections];
