import type { TFunction } from 'i18next';
import { BOARD_LISTS, type BoardListKey } from '../../../../shared/contract/intake';
import type { LineDetail } from '../../app/feature';
import { missingCase } from '../../../../shared/domain/result';

/** A board line's short machine value (`detail`) in words, as the board and its paged lists show it. */
export function detailText(t: TFunction, key: BoardListKey, detail: string): string {
  switch (key) {
    case 'nearLimit':
    case 'overLimit':
      return t('intake.stay.day', { day: detail });
    case 'familySearchDue': {
      const [kind, state] = detail.split(':');
      return `${t(`intake.family.kinds.${kind}`)} · ${t(`intake.family.states.${state}`)}`;
    }
    case 'openCustody':
      return `${detail} × ${t('intake.custody.open')}`;
    case 'incomplete':
      return t('intake.identity.missing', { count: Number(detail) });
    case 'arrivals':
      return t(`intake.status.${detail}`);
    case 'departures':
      return t(`intake.discharge.types.${detail}`);
    case 'offersToMe':
      return detail;
    case 'awaitingTriage':
    case 'withoutBed':
      return '';
    default:
      return missingCase(key);
  }
}

/**
 * Intake's handover lines in words (FeatureEntry.lineDetails): its sections are the board's lists, plus those at
 * hospital (the line's detail is the stay's state) and the census (figures only).
 */
export const handoverDetail: LineDetail = (t, section, detail) =>
  (BOARD_LISTS as readonly string[]).includes(section) ? detailText(t, section as BoardListKey, detail) : t(`intake.status.${detail}`);
