import { SolutionOutlined } from '@ant-design/icons';
import { lazyPages, type FeatureEntry } from '../../app/feature';
import { handoverDetail } from './boardText';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

/** The stay's A4 forms, in the print chunk. */
const StayPrint = lazyPages(() => import('./print/StayPrint').then((m) => m.StayPrint));

/** 24-hour intake: today's board, quick intake, the stay, the bed board, and the stay's four A4 forms. */
export const intake: FeatureEntry = {
  key: 'intake',
  path: '/intake',
  routes: lazyPages(() => import('./IntakeRoutes').then((m) => m.IntakeRoutes)),
  printRoutes: [
    { path: 'intake/:stayId', element: <StayPrint kind="intake" /> },
    { path: 'service/:stayId', element: <StayPrint kind="service" /> },
    { path: 'refusal/:stayId', element: <StayPrint kind="refusal" /> },
    { path: 'self-discharge/:stayId', element: <StayPrint kind="selfDischarge" /> },
  ],
  menu: { group: 'module', icon: <SolutionOutlined />, permission: 'intake.read' },
  homeCard: true,
  catalogs: { 'zh-CN': zhCN, en },
  // A stay named by an alert or a handover line (electron/features/intake/alerts.ts) opens its page.
  entityLinks: { stay: (id) => `/intake/stay/${id}` },
  // Its handover sections' lines, in the board's words.
  lineDetails: { intake: handoverDetail },
};
