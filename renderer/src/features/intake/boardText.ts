import type { TFunction } from 'i18next';
import type { BoardLine, BoardListKey } from '../../../../shared/contract/intake';
import { missingCase } from '../../../../shared/domain/result';

/** A board line's short machine value (`detail`) in words, as the board and its paged lists show it. */
export function detailText(t: TFunction, key: BoardListKey, line: BoardLine): string {
  switch (key) {
    case 'nearLimit':
    case 'overLimit':
      return t('intake.stay.day', { day: line.detail });
    case 'familySearchDue': {
      const [kind, state] = line.detail.split(':');
      return `${t(`intake.family.kinds.${kind}`)} · ${t(`intake.family.states.${state}`)}`;
    }
    case 'openCustody':
      return `${line.detail} × ${t('intake.custody.open')}`;
    case 'incomplete':
      return t('intake.identity.missing', { count: Number(line.detail) });
    case 'arrivals':
      return t(`intake.status.${line.detail}`);
    case 'departures':
      return t(`intake.discharge.types.${line.detail}`);
    case 'offersToMe':
      return line.detail;
    case 'awaitingTriage':
    case 'withoutBed':
      return '';
    default:
      return missingCase(key);
  }
}
