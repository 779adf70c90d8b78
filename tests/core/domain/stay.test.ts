import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOpenStay, OPEN_STAY_SQL, OPEN_STAY_STATUSES, STAY_STATUSES } from '../../../shared/domain/stay';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

// DOMAIN §1: a stay is the station's responsibility until it is discharged, handed to police or refused.
describe('the open-stay statuses', () => {
  it('are the statuses of a stay still in the station’s care, as SQL spelled as the partial index states them', () => {
    expect(OPEN_STAY_STATUSES).toEqual(['registered', 'in_station', 'at_hospital']);
    for (const s of STAY_STATUSES) expect(isOpenStay(s), s).toBe((OPEN_STAY_STATUSES as readonly string[]).includes(s));
    expect(isOpenStay('discharged')).toBe(false);
    expect(OPEN_STAY_SQL).toBe("('registered', 'in_station', 'at_hospital')");
    // SQLite uses the partial index only for the same terms: the board's condition and the index's must match.
    expect(read('electron/db/migrations/0030-search-and-board.sql')).toContain(`ON stays (arrived_at) WHERE status IN ${OPEN_STAY_SQL};`);
  });
});
