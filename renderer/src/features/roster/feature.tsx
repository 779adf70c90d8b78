import { ScheduleOutlined } from '@ant-design/icons';
import { lazyPages, type FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';
import { OnDutyBar } from './OnDutyBar';

// The pages and prints in chunks of their own (app/feature.ts lazyPages); the bar above every page stays in the frame.
const PatrolLogPrint = lazyPages(() => import('./print/PatrolLogPrint').then((m) => m.PatrolLogPrint));
const RosterMonthPrint = lazyPages(() => import('./print/RosterMonthPrint').then((m) => m.RosterMonthPrint));

/**
 * Rosters and duty: the calendar with its coverage check, patrols, incidents, the staff directory; "on duty now"
 * above every page (frameWidget); the monthly roster and the patrol log print at /print/roster/:month and
 * /print/patrol-log/:day.
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
};
