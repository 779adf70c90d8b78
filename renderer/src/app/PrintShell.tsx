import { Result, Spin } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PrintFrame } from '../components/print';
import { IdleLock } from './LockScreen';

/** /print/…: the features' A4 views, alone on the page (no application frame), still under the idle lock. */
export function PrintShell() {
  return (
    <>
      <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '120px auto' }} />}>
        <Outlet />
      </Suspense>
      <IdleLock />
    </>
  );
}

/** A /print/ address that no feature registered. */
export function UnknownPrint() {
  const { t } = useTranslation();
  return (
    <PrintFrame backTo="/" ready={false}>
      <Result status="404" title={t('print.notFound')} />
    </PrintFrame>
  );
}
