import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSessionInfo } from '../../app/session';
import './print.css';

/**
 * The page around an A4 form: a toolbar (print, back) that never prints, then the sheet. Print views live
 * outside the application frame; the shell around them (app/PrintShell) keeps the idle lock and lock screen.
 */
export function PrintFrame({
  docTitle,
  backTo,
  notice,
  ready = true,
  children,
}: {
  /** The browser's title while the view is open: what the printer dialog and a saved PDF are named after. */
  docTitle?: string;
  /** Where "back" goes when the view was opened without history (a new window). */
  backTo: string;
  /** A warning for the desk, shown on screen only. */
  notice?: ReactNode;
  /** False while loading or when this form must not be printed: the print button is disabled. */
  ready?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const navigate = useNavigate();

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
    </div>
  );
}
