import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Route, Routes } from 'react-router';
import { missingCase } from '../../../shared/domain/result';
import { ChangePasswordPage } from '../features/accounts/ChangePasswordPage';
import { LoginPage } from '../features/accounts/LoginPage';
import { RecoveryPage } from '../features/backup/RecoveryPage';
import { SetupPage } from '../features/setup/SetupPage';
import { AppFrame } from './AppFrame';
import './catalogs'; // every feature's strings, merged before the first screen renders
import { FeaturesContext, type FeatureEntry } from './feature';
import { FEATURES } from './features';
import { PrintShell, UnknownPrint } from './PrintShell';
import { SessionProvider, useSession } from './session';

const theme = {
  token: {
    colorPrimary: '#1f4e8c',
    borderRadius: 4,
    fontFamily:
      '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", -apple-system, "Segoe UI", sans-serif',
  },
};

/** Which screen the station sees: setup on first run, then login, password change, or the app. */
function Gate() {
  const { gate, toLogin } = useSession();
  const { t } = useTranslation();
  switch (gate.kind) {
    case 'loading':
      return (
        <div className="center-screen">
          <Spin size="large" description={t('common.loading')} />
        </div>
      );
    case 'unreachable':
      return <Result status="error" title={t('errors.INTERNAL')} subTitle={gate.message} />;
    case 'recovery':
      return <RecoveryPage onRestored={(notice) => toLogin({ notice })} />;
    case 'setup':
      return <SetupPage />;
    case 'login':
      return <LoginPage key={gate.username ?? ''} username={gate.username} notice={gate.notice} />;
    case 'signedIn':
      return gate.info.mustChangePassword ? (
        <ChangePasswordPage />
      ) : (
        <SessionData key={gate.info.sessionId}>
          <Shell features={FEATURES} />
        </SessionData>
      );
    default:
      return missingCase(gate);
  }
}

/** The signed-in app: the features' print views alone on the page, everything else in the application frame. */
export function Shell({ features }: { features: readonly FeatureEntry[] }) {
  return (
    <FeaturesContext.Provider value={features}>
      <HashRouter>
        <Routes>
          {/* A4 print views: the page alone, without the application frame. */}
          <Route path="/print" element={<PrintShell />}>
            {features.flatMap((f) => f.printRoutes ?? []).map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route path="*" element={<UnknownPrint />} />
          </Route>
          <Route path="*" element={<AppFrame />} />
        </Routes>
      </HashRouter>
    </FeaturesContext.Provider>
  );
}

/**
 * A query cache per session: what one user loaded is never shown to the next one at the same desk.
 * (Keyed by session id in Gate, so signing out throws the whole cache away.)
 */
function SessionData({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } } }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
