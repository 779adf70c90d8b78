import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Progress, Typography } from 'antd';
import { format, parseISO, startOfMonth, startOfYear, subMonths, endOfMonth } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output, ProcedureName } from '../../../../shared/contract';
import { period, type ExportStarted, type ExportStatus, type Period } from '../../../../shared/contract/export';
import type { AppErrorShape } from '../../../../shared/domain/result';
import { stationDay } from '../../../../shared/domain/time';
import { api } from '../../api/client';
import { fieldMessage } from '../../i18n';
import { DatePicker } from '../DatePicker';
import { saveExport } from './saveExport';
import { errorText } from '../serverErrors';

/** The procedures that export a period: the intake register now; the roster, ledger and reports later. */
export type PeriodExport = {
  [K in ProcedureName]: Period extends Input<K> ? (Output<K> extends ExportStarted ? K : never) : never;
}[ProcedureName];

type Range = [Date, Date];
const day = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * A button that opens a period picker and exports that period with `procedure`, then saves the file (the desktop
 * window's save dialog, or the browser's download). Days are the station's calendar: "this month" is the station's.
 */
export function PeriodExportButton({ procedure, title, timeZone }: { procedure: PeriodExport; title: string; timeZone: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = parseISO(stationDay(Date.now(), timeZone));
  const [open, setOpen] = useState(false);
  const [range, setRange] = useState<Range>([startOfMonth(today), today]);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<ExportStatus | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (error: AppErrorShape) => {
    const atField = error.fields?.to ?? error.fields?.from;
    if (atField) setFieldError(fieldMessage(atField));
    else setFormError(errorText(error, t));
  };
  const submit = async () => {
    setFieldError(undefined);
    setFormError(null);
    const parsed = period.safeParse({ from: day(range[0]), to: day(range[1]) });
    if (!parsed.success) return setFieldError(fieldMessage(parsed.error.issues[0]?.message));
    setBusy(true);
    try {
      const started = await api().call(procedure, parsed.data);
      if (!started.ok) return fail(started.error);
      const saved = await saveExport(started.value, { progress: setStatus });
      if (!saved.ok) return fail(saved.error);
      if (saved.value.saved === null) return; // the user cancelled the save dialog: the file can be saved again
      void message.success(saved.value.saved === 'file' ? t('export.saved', { path: saved.value.path }) : t('export.downloaded', { fileName: saved.value.fileName }));
      setOpen(false);
    } finally {
      setBusy(false);
      setStatus(null);
    }
  };

  const lastMonth = subMonths(today, 1);
  return (
    <>
      <Button size="large" icon={<DownloadOutlined />} onClick={() => setOpen(true)}>
        {title}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={t('export.submit')}
        cancelText={t('common.cancel')}
        onOk={() => void submit()}
        confirmLoading={busy}
        // While the file is being made the dialog stays: the export is on the record already, and a save dialog or
        // download appearing after the dialog was closed would surprise.
        cancelButtonProps={{ disabled: busy }}
        closable={!busy}
        onCancel={() => !busy && setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('export.personalData')}</Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item label={t('export.period')} htmlFor="export-period" validateStatus={fieldError ? 'error' : undefined} help={fieldError}>
            <DatePicker.RangePicker
              id="export-period"
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              presets={[
                { label: t('export.thisMonth'), value: [startOfMonth(today), today] },
                { label: t('export.lastMonth'), value: [startOfMonth(lastMonth), endOfMonth(lastMonth)] },
                { label: t('export.thisYear'), value: [startOfYear(today), today] },
              ]}
            />
          </Form.Item>
        </Form>
        {status && status.state === 'building' && (
          <div data-testid="export-progress">
            <Progress percent={status.rows ? Math.floor((status.written / status.rows) * 100) : 0} size="small" />
            <Typography.Text type="secondary">{t('export.building', { written: status.written, rows: status.rows })}</Typography.Text>
          </div>
        )}
        {formError && <Alert type="error" showIcon title={formError} />}
      </Modal>
    </>
  );
}
