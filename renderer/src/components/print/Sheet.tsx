import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../../app/session';
import { useWhen } from '../useWhen';

/** Station name and the form's title, centred, as on the station's paper forms; a line of reference numbers under it. */
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
  const { t } = useTranslation();
  const info = useSessionInfo();
  const at = useWhen();
  return (
    <footer className="sheet-foot">
      {t('print.printedAt', { time: at(Date.now()) })}　{info.user.displayName}
    </footer>
  );
}
