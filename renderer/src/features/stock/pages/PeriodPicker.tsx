import { format, parseISO, startOfMonth } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { stationDay } from '../../../../../shared/domain/time';
import { useSessionInfo } from '../../../app/session';
import { DatePicker } from '../../../components/DatePicker';

export interface Period {
  from: string;
  to: string;
}

/** This month so far, on the station's calendar. */
export function useThisMonth(): Period {
  const { timeZone } = useSessionInfo();
  const today = stationDay(Date.now(), timeZone);
  return { from: format(startOfMonth(parseISO(today)), 'yyyy-MM-dd'), to: today };
}

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  return (
    <DatePicker.RangePicker
      aria-label={t('stock.period')}
      allowClear={false}
      value={[parseISO(value.from), parseISO(value.to)]}
      onChange={(v) => v?.[0] && v[1] && onChange({ from: format(v[0], 'yyyy-MM-dd'), to: format(v[1], 'yyyy-MM-dd') })}
    />
  );
}
