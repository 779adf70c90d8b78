import type { CSSProperties } from 'react';
import { fromStationWallClock, stationWallClock } from '../../../shared/domain/time';
import { DatePicker } from './DatePicker';

/**
 * A date-and-time picker on the station's clock (its time-zone setting), not the PC's: it shows and takes the
 * station's wall time, and its value is an instant (ms). Enter confirms the typed time and goes no further (it
 * must not also send the form).
 */
export function StationTimePicker(props: {
  id?: string;
  value: number | undefined | null;
  onChange: (ms: number | undefined) => void;
  timeZone: string;
  style?: CSSProperties;
}) {
  const { value, onChange, timeZone, ...rest } = props;
  return (
    <div onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}>
      <DatePicker
        {...rest}
        showTime={{ format: 'HH:mm' }}
        format="yyyy-MM-dd HH:mm"
        value={value ? stationWallClock(value, timeZone) : null}
        onChange={(d) => onChange(d ? fromStationWallClock(d, timeZone) : undefined)}
      />
    </div>
  );
}
