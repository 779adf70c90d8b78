import type { DischargeType, StayDetail } from '../../../shared/contract/intake';
import type { Period } from '../../../shared/contract/export';
import { ageOn, type ArrivalChannel, type FieldState, type IdentityField, type Sex } from '../../../shared/domain/person';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { CHANNEL_LABELS, DISCHARGE_LABELS, FIELD_STATE_LABELS, SEX_LABELS, STATUS_LABELS, UNKNOWN_NAME } from './export-labels';
import { sheet, type Column, type Sheet } from '../export/sheet';

/** One stay as the register lists it. */
export interface RegisterRow {
  id: number;
  arrived_at: number;
  arrived_on: string;
  channel: ArrivalChannel;
  status: StayDetail['status'];
  discharged_at: number | null;
  discharge_type: DischargeType | null;
  name: string | null;
  description: string | null;
  sex: Sex | null;
  birth_date: string | null;
  estimated_age: number | null;
  estimated_on: string | null;
  id_number: string | null;
  hukou_place: string | null;
  field_states: string;
  owner: string;
  /** The zone of the stay's latest bed (the current one, or the last before discharge). */
  zone: string | null;
}

/**
 * Every stay that arrived in the period (station-calendar days, both ends included), in one statement: the stays by
 * their arrival day (index stays_by_arrival), each with its person and owner, and its latest bed's zone looked up
 * in the stay's own events (index stay_events_by_stay, newest first). bed_assignments has no index by stay for
 * closed assignments, and the bed events carry the zone's name as it was when the bed was given.
 */
export function readRegister(db: DB, p: Period): RegisterRow[] {
  return cached(
    db,
    `SELECT s.id, s.arrived_at, s.arrived_on, s.channel, s.status, s.discharged_at, s.discharge_type,
            p.name, p.description, p.sex, p.birth_date, p.estimated_age, p.estimated_on, p.id_number, p.hukou_place,
            p.field_states, u.display_name AS owner,
            (SELECT e.data ->> '$.zone' FROM stay_events e
              WHERE e.stay_id = s.id AND e.kind IN ('bed_assigned', 'bed_moved') ORDER BY e.id DESC LIMIT 1) AS zone
       FROM stays s JOIN persons p ON p.id = s.person_id JOIN users u ON u.id = s.owner_id
      WHERE s.arrived_on BETWEEN ? AND ?
      ORDER BY s.arrived_at, s.id`,
  ).all(p.from, p.to) as RegisterRow[];
}

/** An empty identity field as the record has it: unknown or refused, or not asked yet (an empty cell). */
function stateOf(row: RegisterRow, field: IdentityField): string | null {
  const state = (JSON.parse(row.field_states) as Partial<Record<IdentityField, FieldState>>)[field];
  return state ? FIELD_STATE_LABELS[state] : null;
}

export const REGISTER_COLUMNS: readonly Column<RegisterRow>[] = [
  { header: '登记号', type: 'integer', width: 9, value: (r) => r.id },
  { header: '到站时间', type: 'instant', value: (r) => r.arrived_at },
  { header: '姓名', type: 'text', width: 24, value: (r) => r.name ?? (r.description ? `${UNKNOWN_NAME}（${r.description}）` : UNKNOWN_NAME) },
  { header: '性别', type: 'text', width: 6, value: (r) => (r.sex ? SEX_LABELS[r.sex] : stateOf(r, 'sex')) },
  { header: '年龄', type: 'integer', width: 6, value: (r) => ageOn(r.arrived_on, { birthDate: r.birth_date, estimatedAge: r.estimated_age, estimatedOn: r.estimated_on }) },
  { header: '身份证号', type: 'text', width: 21, value: (r) => r.id_number ?? stateOf(r, 'idNumber') },
  { header: '户籍地', type: 'text', width: 20, value: (r) => r.hukou_place ?? stateOf(r, 'hukouPlace') },
  { header: '来站方式', type: 'text', width: 10, value: (r) => CHANNEL_LABELS[r.channel] },
  { header: '状态', type: 'text', width: 10, value: (r) => STATUS_LABELS[r.status] },
  { header: '床位区域', type: 'text', width: 12, value: (r) => r.zone },
  { header: '离站时间', type: 'instant', value: (r) => r.discharged_at },
  { header: '离站方式', type: 'text', width: 10, value: (r) => (r.discharge_type ? DISCHARGE_LABELS[r.discharge_type] : null) },
  { header: '首接责任人', type: 'text', width: 10, value: (r) => r.owner },
];

export const REGISTER_TITLE = '接待登记台账';

export const registerFileName = (p: Period): string => `${REGISTER_TITLE}_${p.from}_${p.to}.xlsx`;

export const registerSheet = (p: Period, rows: readonly RegisterRow[]): Sheet =>
  sheet({ name: REGISTER_TITLE, title: REGISTER_TITLE, period: p, columns: REGISTER_COLUMNS, rows });
