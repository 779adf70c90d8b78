/** A stay's lifecycle (DOMAIN §1): registered → triaged (in the station, at hospital, handed to police, refused) → discharged. */
export const STAY_STATUSES = ['registered', 'in_station', 'at_hospital', 'handed_to_police', 'refused', 'discharged'] as const;
export type StayStatus = (typeof STAY_STATUSES)[number];

/** The statuses of a stay that is still open: the person is the station's responsibility (board, beds, one open stay each). */
export const OPEN_STAY_STATUSES = ['registered', 'in_station', 'at_hospital'] as const satisfies readonly StayStatus[];
export type OpenStayStatus = (typeof OPEN_STAY_STATUSES)[number];

export function isOpenStay(status: string): status is OpenStayStatus {
  return (OPEN_STAY_STATUSES as readonly string[]).includes(status);
}

/**
 * The open statuses as an SQL list: `('registered', 'in_station', 'at_hospital')`. Written exactly as the partial
 * index `stays_open_by_arrival` (migration 0030) states its condition: SQLite uses a partial index only for a query
 * with the same terms, so the board's statements must spell it the same way (a test compares the two).
 */
export const OPEN_STAY_SQL = `(${OPEN_STAY_STATUSES.map((s) => `'${s}'`).join(', ')})`;
