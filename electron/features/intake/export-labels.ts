import type { DischargeType, StayDetail } from '../../../shared/contract/intake';
import type { ArrivalChannel, FieldState, Sex } from '../../../shared/domain/person';

/**
 * The intake register's words, in the Chinese the file is sent to the bureau in (the export does not follow the
 * user's UI language). The same words as the renderer's zh-CN catalog; tests/core/export/export.test.ts checks that they
 * stay the same.
 */
export const CHANNEL_LABELS: Record<ArrivalChannel, string> = {
  walk_in: '自行求助',
  police: '公安送站',
  city_management: '城管送站',
  outreach: '巡查救助',
  public_tip: '群众报告',
  hospital: '医院转来',
  other_station: '外站转来',
};

export const STATUS_LABELS: Record<StayDetail['status'], string> = {
  registered: '待分诊',
  in_station: '在站',
  at_hospital: '送医中',
  handed_to_police: '已移交公安',
  refused: '不予救助',
  discharged: '已离站',
};

export const DISCHARGE_LABELS: Record<DischargeType, string> = {
  return_home: '返乡',
  family_collected: '亲属接回',
  self_discharge: '自行离站',
  left_without_notice: '不辞而别',
  foster_care: '转入托养',
  hospital: '转医院',
  other_agency: '转其他机构',
  assistance_ended: '终止救助',
  death: '死亡',
};

export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' };
export const FIELD_STATE_LABELS: Record<FieldState, string> = { unknown: '不详', refused: '拒绝提供' };
export const UNKNOWN_NAME = '姓名不详';
