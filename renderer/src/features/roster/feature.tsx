import { ScheduleOutlined } from '@ant-design/icons';
import type { FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';
import { OnDutyBar } from './OnDutyBar';
import { PatrolLogPrint } from './print/PatrolLogPrint';
import { RosterMonthPrint } from './print/RosterMonthPrint';
import { RosterRoutes } from './RosterRoutes';

/**
 * Rosters and duty: the calendar with its coverage check, patrols, incidents, the staff directory; "on duty now"
 * above every page (frameWidget); the monthly roster and the patrol log print at /print/roster/:month and
 * /print/patrol-log/:day.
 */
export const roster: FeatureEntry = {
  key: 'roster',
  path: '/roster',
  routes: RosterRoutes,
  frameWidget: OnDutyBar,
  printRoutes: [
    { path: 'roster/:month', element: <RosterMonthPrint /> },
    { path: 'patrol-log/:day', element: <PatrolLogPrint /> },
  ],
  menu: { group: 'module', icon: <ScheduleOutlined />, permission: 'roster.read' },
  homeCard: true,
  catalogs: { 'zh-CN': zhCN, en },
};
