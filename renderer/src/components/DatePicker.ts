import { DatePicker as AntDatePicker } from 'antd';
import dateFnsConfig from '@rc-component/picker/generate/dateFns';

/** antd's pickers on date-fns `Date` values instead of dayjs (one date library in the app). */
export const DatePicker = AntDatePicker.generatePicker<Date>(dateFnsConfig);
