import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the screens before the app: setup, login, password change. */
export function AuthLayout({ title, width = 440, children }: { title: ReactNode; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-brand">
        <div className="auth-emblem">救</div>
        <div>
          <Typography.Title level={3} style={{ margin: 0, color: '#fff' }}>
            {t('app.title')}
          </Typography.Title>
          <div className="auth-subtitle">{t('app.subtitle')}</div>
        </div>
        <div style={{ marginLeft: 'auto' }}>
          <LanguageSwitch light />
        </div>
      </div>
      <Card className="auth-card" style={{ width }} title={title}>
        {children}
      </Card>
    </div>
  );
}
