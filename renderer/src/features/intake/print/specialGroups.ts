import type { TFunction } from 'i18next';
import type { StayDetail } from '../../../../../shared/contract/intake';

/** Special groups the desk must protect: minors and the elderly by age, then the recorded conditions. */
export function specialGroups(t: TFunction, stay: StayDetail): string {
  const groups: string[] = [];
  if (stay.ageGroup === 'minor_under16' || stay.ageGroup === 'minor' || stay.ageGroup === 'elderly') groups.push(t(`intake.ageGroup.${stay.ageGroup}`));
  for (const c of stay.conditions) groups.push(t(`intake.conditions.${c}`));
  return groups.length ? groups.join(t('print.listSep')) : t('print.none');
}
