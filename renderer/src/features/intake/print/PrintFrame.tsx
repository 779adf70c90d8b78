import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, type ReactNode } from 'react';
import type { StayDetail } from '../../../../../shared/contract/intake';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession, useSessionInfo } from '../../../app/session';
import { useIdleLock } from '../../../app/useIdleLock';
import { LockScreen } from '../../accounts/LockScreen';
import { when } from '../format';

/**
 * The page around an A4 form: a toolbar (print, back) that never prints, then the sheet. The print views
 * live outside the application frame, so they keep its idle lock and lock screen themselves.
 */
export function PrintFrame({
  docTitle,
  backTo,
  notice,
  ready = true,
  children,
}: {
  docTitle?: string;
  /** Where "back" goes when the view was opened without history (a new window). */
  backTo: string;
  /** A warning for the desk, shown on screen only. */
  notice?: ReactNode;
  ready?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const { lock } = useSession();
  const navigate = useNavigate();
  useIdleLock(info.idleLockMinutes, !info.locked, () => void lock());

  useEffect(() => {
    if (!docTitle) return;
    const previous = document.title;
    document.title = docTitle;
    return () => {
      document.title = previous;
    };
  }, [docTitle]);

  const back = () => {
    if (window.history.length > 1) window.history.back();
    else navigate(backTo);
  };

  return (
    <div className="print-root">
      <div className="print-toolbar" role="toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          {t('print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!ready} data-testid="print-button">
          {t('print.print')}
        </Button>
        {notice && <Alert className="print-notice" type="warning" showIcon title={notice} />}
      </div>
      <main className="print-sheet" aria-hidden={info.locked}>
        {children}
      </main>
      {info.locked && <LockScreen />}
    </div>
  );
}

/** Station name and the form's title, centred, as on the station's paper forms. */
export function SheetHead({ title, left, right }: { title: string; left?: ReactNode; right?: ReactNode }) {
  const info = useSessionInfo();
  return (
    <header className="sheet-head">
      <div className="sheet-station">{info.stationName}</div>
      <h1 className="sheet-title">{title}</h1>
      {(left || right) && (
        <div className="sheet-meta">
          <span>{left}</span>
          <span>{right}</span>
        </div>
      )}
    </header>
  );
}

/** Signature lines, side by side: a label, a line to sign on, and a date to fill in. */
export function Signatures({ labels }: { labels: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="sign-row" style={{ gridTemplateColumns: `repeat(${labels.length}, 1fr)` }}>
      {labels.map((label) => (
        <div key={label} className="sign">
          <div className="sign-label">{label}</div>
          <div className="sign-line" />
          <div className="sign-date">
            {t('print.date')}
            <span className="sign-date-blank">{t('print.blankDate')}</span>
          </div>
        </div>
      ))}
    </div>
  );
}

/** When (station clock) and by whom the paper was printed. */
export function SheetFoot() {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  return (
    <footer className="sheet-foot">
      {t('print.printedAt', { time: when(Date.now(), i18n.language, info.timeZone) })}　{info.user.displayName}
    </footer>
  );
}

/** Station-clock time, or nothing for a blank to fill in by hand. */
export function useWhen(): (ms: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const info = useSessionInfo();
  return (ms) => (ms === null || ms === undefined ? '' : when(ms, i18n.language, info.timeZone));
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Special groups the desk must protect: minors and the elderly by age, then the recorded conditions. */
export function specialGroups(t: TFunction, stay: StayDetail): string {
  const groups: string[] = [];
  if (stay.ageGroup === 'minor_under16' || stay.ageGroup === 'minor' || stay.ageGroup === 'elderly') groups.push(t(`intake.ageGroup.${stay.ageGroup}`));
  for (const c of stay.conditions) groups.push(t(`intake.conditions.${c}`));
  return groups.length ? groups.join(t('print.listSep')) : t('print.none');
}
