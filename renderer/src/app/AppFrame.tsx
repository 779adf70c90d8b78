import { AlertOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { formatInstant } from '../i18n';
import { menuEntries, preloadPages, useFeatures, type FeatureEntry, type MenuEntry } from './feature';
import { IdleLock } from './LockScreen';
import { NotBuiltPage } from './NotBuiltPage';
import { useSession, useSessionInfo } from './session';

/** The menu item a page belongs to: the longest menu path that the address is, or lies under ('/' only itself). */
function menuKeyFor(pathname: string, entries: readonly MenuEntry[]): string {
  const under = (p: string) => pathname === p || (p !== '/' && pathname.startsWith(`${p}/`));
  const owner = entries.filter((e) => under(e.path)).sort((a, b) => b.path.length - a.path.length)[0];
  return owner?.path ?? pathname;
}

/** A feature's pages at its path: the whole subtree (`path/*`), or exactly `/` for the home page. */
function FeatureRoute({ feature }: { feature: FeatureEntry }) {
  if (feature.built === false) return <NotBuiltPage module={feature.key} />;
  const Pages = feature.routes!;
  return <Pages />;
}

export function AppFrame() {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  const { lock, logout } = useSession();
  const features = useFeatures();
  const navigate = useNavigate();
  const location = useLocation();

  const permissions = info.permissions as string[];
  const modules = menuEntries(features, permissions, 'module');
  const adminPages = menuEntries(features, permissions, 'admin');
  const items = [
    ...modules.map((m) => ({ key: m.path, icon: m.menu.icon, label: t(`nav.${m.key}`) })),
    ...(adminPages.length
      ? [
          {
            key: 'admin',
            icon: <AlertOutlined />,
            label: t('nav.admin'),
            children: adminPages.map((p) => ({ key: p.path, icon: p.menu.icon, label: t(`nav.${p.key}`) })),
          },
        ]
      : []),
  ];
  const widgets = features.filter((f) => f.frameWidget && f.built !== false && (f.menu?.permission === undefined || permissions.includes(f.menu.permission)));
  const mounted = features.filter((f) => f.path !== undefined && (f.routes !== undefined || f.built === false));
  // The pages' chunks load once the frame is up and painted, so the first visit to a module does not wait for its
  // script, and the first page does not wait for the others' (they would compete for the main thread). Chromium
  // says when it is idle; where nothing does (the tests' DOM), a short timer stands in.
  useEffect(() => {
    const preload = () => void preloadPages(features).catch(() => undefined);
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(preload, { timeout: 2000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = window.setTimeout(preload, 300);
    return () => window.clearTimeout(timer);
  }, [features]);

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
          selectedKeys={[menuKeyFor(location.pathname, [...modules, ...adminPages])]}
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
        {widgets.length > 0 && (
          <div className="app-frame-widgets">
            {widgets.map((f) => {
              const Widget = f.frameWidget!;
              return <Widget key={f.key} />;
            })}
          </div>
        )}
        <Layout.Content className="app-content">
          {/* A feature's pages may load on first visit (React.lazy in its entry). */}
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>
            <Routes>
              {mounted.map((f) => (
                <Route key={f.key} path={f.path === '/' ? '/' : `${f.path}/*`} element={<FeatureRoute feature={f} />} />
              ))}
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
    <IdleLock />
    </>
  );
}
