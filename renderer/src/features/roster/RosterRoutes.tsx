import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { IncidentsPage } from './IncidentsPage';
import { PatrolPage } from './PatrolPage';
import { RosterCalendar } from './RosterCalendar';
import { StaffPage } from './StaffPage';
import './roster.css';

const TABS = ['', 'patrol', 'incidents', 'staff'] as const;

/** /roster: the calendar; /roster/patrol, /roster/incidents, /roster/staff: the duty's other screens, as tabs. */
export function RosterRoutes() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tab = useLocation().pathname.split('/')[2] ?? '';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('nav.roster')}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => navigate(k ? `/roster/${k}` : '/roster')}
        items={TABS.map((k) => ({ key: k, label: t(`roster.tabs.${k || 'calendar'}`) }))} />
      <Routes>
        <Route index element={<RosterCalendar />} />
        <Route path="patrol" element={<PatrolPage />} />
        <Route path="incidents" element={<IncidentsPage />} />
        <Route path="staff" element={<StaffPage />} />
      </Routes>
    </>
  );
}
