import {
  AlertOutlined,
  AuditOutlined,
  DatabaseOutlined,
  CarOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  HomeOutlined,
  LockOutlined,
  LogoutOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { formatInstant } from '../i18n';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LockScreen } from '../features/accounts/LockScreen';
import { UsersPage } from '../features/accounts/UsersPage';
import { AuditPage } from '../features/audit/AuditPage';
import { BackupPage } from '../features/backup/BackupPage';
import { HomePage } from '../features/home/HomePage';
import { IntakeRoutes } from '../features/intake/IntakeRoutes';
import { NotBuiltPage } from '../features/home/NotBuiltPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ADMIN_PAGES, MODULES, type ModuleEntry } from './modules';
import { useSession, useSessionInfo } from './session';
import { useIdleLock } from './useIdleLock';

const MODULE_ICONS: Record<ModuleEntry['key'], ReactNode> = {
  intake: <SolutionOutlined />,
  roster: <ScheduleOutlined />,
  handover: <SwapOutlined />,
  stock: <ShopOutlined />,
  foodSamples: <ExperimentOutlined />,
  fosterCare: <TeamOutlined />,
  outreach: <CarOutlined />,
  reports: <FileTextOutlined />,
};
const ADMIN_ICONS = { users: <UserOutlined />, audit: <AuditOutlined />, settings: <SettingOutlined />, backup: <DatabaseOutlined /> };

export function AppFrame() {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  const { lock, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  useIdleLock(info.idleLockMinutes, !info.locked, () => void lock());

  const can = (p: string) => (info.permissions as string[]).includes(p);
  const adminPages = ADMIN_PAGES.filter((p) => can(p.permission));
  const items = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    ...MODULES.filter((m) => can(m.permission)).map((m) => ({ key: m.path, icon: MODULE_ICONS[m.key], label: t(`nav.${m.key}`) })),
    ...(adminPages.length
      ? [
          {
            key: 'admin',
            icon: <AlertOutlined />,
            label: t('nav.admin'),
            children: adminPages.map((p) => ({ key: p.path, icon: ADMIN_ICONS[p.key], label: t(`nav.${p.key}`) })),
          },
        ]
      : []),
  ];

  return (
    <>
    <Layout className="app-frame" aria-hidden={info.locked}>
      <Layout.Sider width={208} className="app-sider" theme="dark">
        <div className="app-logo">
          <div className="app-emblem">救</div>
          <div>
            <div className="app-logo-title">{t('app.title')}</div>
            <div className="app-logo-station">{info.stationName}</div>
          </div>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[location.pathname.startsWith('/intake') ? '/intake' : location.pathname]}
          defaultOpenKeys={['admin']}
          items={items}
          onClick={(e) => navigate(e.key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text className="app-date">
            {formatInstant(Date.now(), i18n.language, info.timeZone, i18n.language === 'en' ? 'EEEE, d MMMM yyyy' : 'yyyy年M月d日 EEEE')}
          </Typography.Text>
          <Space size="middle" style={{ marginLeft: 'auto' }}>
            <span data-testid="current-user">
              <UserOutlined /> {info.user.displayName}{' '}
              {info.user.roles.map((r) => (
                <Tag key={r} color="blue" style={{ marginInlineEnd: 4 }}>
                  {t(`roles.${r}`)}
                </Tag>
              ))}
            </span>
            <LanguageSwitch />
            <Tooltip title={t('header.lock')}>
              <Button icon={<LockOutlined />} onClick={() => void lock()}>
                {t('header.lock')}
              </Button>
            </Tooltip>
            <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
              {t('header.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/intake/*" element={<IntakeRoutes />} />
            {MODULES.filter((m) => !m.built).map((m) => (
              <Route key={m.key} path={m.path} element={<NotBuiltPage module={m.key} />} />
            ))}
            <Route path="/admin/users" element={<UsersPage />} />
            <Route path="/admin/audit" element={<AuditPage />} />
            <Route path="/admin/settings" element={<SettingsPage />} />
            <Route path="/admin/backup" element={<BackupPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
    {info.locked && <LockScreen />}
    </>
  );
}
