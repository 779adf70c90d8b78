import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession, useSessionInfo } from './session';
import { useIdleLock } from './useIdleLock';
import { errorText } from '../components/serverErrors';

/**
 * Covers the app while the session is locked. The app stays mounted underneath, so a half-filled form
 * is still there after unlocking; the main process refuses every call until the password is given.
 */
export function LockScreen() {
  const { t } = useTranslation();
  const { accept, logout } = useSession();
  const info = useSessionInfo();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unlock = async () => {
    setBusy(true);
    setError(null);
    const r = await api().call('auth.unlock', { password });
    setBusy(false);
    setPassword('');
    if (r.ok) accept(r.value);
    else setError(errorText(r.error, t));
  };

  return (
    <div className="lock-overlay" role="dialog" aria-modal="true" aria-label={t('lock.title')}>
      <Card className="lock-card" style={{ width: 420 }}>
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <LockOutlined style={{ fontSize: 40, color: '#1f4e8c' }} />
          <Typography.Title level={4}>{t('lock.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('lock.hint', { name: info.user.displayName, minutes: info.idleLockMinutes })}
          </Typography.Paragraph>
        </div>
        <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void unlock())}>
          <Form.Item label={t('lock.password')} htmlFor="unlock-password">
            <Input.Password
              id="unlock-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              autoFocus
            />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy} disabled={!password}>
            {t('lock.unlock')}
          </Button>
          <Button type="link" block onClick={() => void logout()}>
            {t('lock.switchUser')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

/**
 * The idle lock and, while locked, the lock screen, for the frame that is showing (the application frame or a
 * print view): both lock after the same idle time, and a half-filled form stays underneath.
 */
export function IdleLock() {
  const info = useSessionInfo();
  const { lock } = useSession();
  useIdleLock(info.idleLockMinutes, !info.locked, () => void lock());
  return info.locked ? <LockScreen /> : null;
}
