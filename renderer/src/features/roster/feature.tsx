import { ScheduleOutlined } from '@ant-design/icons';
import { lazyPages, type FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';
import { OnDutyBar } from './OnDutyBar';

// The pages and prints in chunks of their own (app/feature.ts lazyPages); the bar above every page stays in the frame.
const PatrolLogPrint = lazyPages(() => import('./print/PatrolLogPrint').then((m) => m.PatrolLogPrint));
const RosterMonthPrint = lazyPages(() => import('./print/RosterMonthPrint').then((m) => m.RosterMonthPrint));
const CheckpointsCard = lazyPages(() => import('./CheckpointsCard').then((m) => m.CheckpointsCard));
const DutySettingsCard = lazyPages(() => import('./DutySettingsCard').then((m) => m.DutySettingsCard));

/**
 * Rosters and duty: the calendar with its coverage check, patrols, incidents, the staff directory; "on duty now"
 * above every page (frameWidget); the monthly roster and the patrol log print at /print/roster/:month and
 * /print/patrol-log/:day. The duty settings and the checkpoints are cards on the settings page (settingsCards); the
 * duty's records named by alert and handover lines open their screens (entityLinks).
 */
export const roster: FeatureEntry = {
  key: 'roster',
  path: '/roster',
  routes: lazyPages(() => import('./RosterRoutes').then((m) => m.RosterRoutes)),
  frameWidget: OnDutyBar,
  printRoutes: [
    { path: 'roster/:month', element: <RosterMonthPrint /> },
    { path: 'patrol-log/:day', element: <PatrolLogPrint /> },
  ],
  menu: { group: 'module', icon: <ScheduleOutlined />, permission: 'roster.read' },
  homeCard: true,
  catalogs: { 'zh-CN': zhCN, en },
  settingsCards: [
    { key: 'duty-settings', permission: 'settings.manage', component: DutySettingsCard },
    { key: 'checkpoints', permission: 'settings.manage', component: CheckpointsCard },
  ],
  // The entities of electron/features/roster/alerts.ts. Rounds, checkpoints and follow-ups live on the patrol screen,
  // incidents in the incident log; a coverage gap names its day as a number (20261203), which the calendar opens.
  entityLinks: {
    checkpoint: () => '/roster/patrol',
    patrolRound: () => '/roster/patrol',
    followUp: () => '/roster/patrol',
    incident: () => '/roster/incidents',
    roster: (day) => {
      const d = String(day);
      return `/roster?day=${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
    },
  },
};
