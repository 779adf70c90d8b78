import type { RosterChange, RosterPublication, RosterView } from '../../../shared/contract/roster';
import type { StationSettings } from '../../../shared/contract/settings';
import { addDays } from '../../../shared/domain/duty';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { assignmentsOfDays, toAssignment } from './assignments';
import { rosterCheck } from './coverage';

interface ChangeRow {
  id: number;
  kind: RosterChange['kind'];
  reason: string;
  approved_by: number;
  approver: string;
  recorded_by: number;
  recorder: string;
  recorded_at: number;
  detail: string;
}

interface PublicationRow {
  id: number;
  from_day: string;
  to_day: string;
  published_at: number;
  published_by: number;
  publisher: string;
  gaps: number;
  conflicts: number;
  override_reason: string | null;
  override_by: number | null;
  overrider: string | null;
}

/**
 * The roster of `from`…`to` for the calendar and the prints: the assignments of those days and of the day before
 * (whose night shift runs into `from`), as planned and as changed; the changes and publications that touch them; and
 * the coverage check beside it.
 */
export function rosterView(db: DB, settings: StationSettings, from: string, to: string): RosterView {
  const rows = assignmentsOfDays(db, addDays(from, -1), to);
  const changeIds = [...new Set(rows.flatMap((r) => [r.change_id, r.removed_by]).filter((x): x is number => x !== null))];
  const published = cached(db, 'SELECT day, publication_id AS publicationId FROM roster_published_days WHERE day BETWEEN ? AND ? ORDER BY day').all(from, to) as {
    day: string;
    publicationId: number;
  }[];
  const publicationIds = [...new Set(published.map((p) => p.publicationId))];
  return {
    from,
    to,
    published,
    publications: publicationIds.map((id) => toPublication(publicationRow(db, id))),
    assignments: rows.map(toAssignment),
    changes: changeIds.sort((a, b) => a - b).map((id) => changeOf(db, id)),
    check: rosterCheck(db, settings, from, to),
  };
}

function publicationRow(db: DB, id: number): PublicationRow {
  return cached(
    db,
    `SELECT p.*, u.display_name AS publisher, o.display_name AS overrider FROM roster_publications p JOIN users u ON u.id = p.published_by
     LEFT JOIN users o ON o.id = p.override_by WHERE p.id = ?`,
  ).get(id) as PublicationRow;
}

const toPublication = (p: PublicationRow): RosterPublication => ({
  id: p.id,
  from: p.from_day,
  to: p.to_day,
  publishedAt: p.published_at,
  publishedBy: { id: p.published_by, name: p.publisher },
  gaps: p.gaps,
  conflicts: p.conflicts,
  // Stryker disable next-line StringLiteral: an override names its leader (CHECK in 0070-duty.sql, override_by REFERENCES users), so the name is never missing
  override: p.override_reason === null ? null : { reason: p.override_reason, by: { id: p.override_by!, name: p.overrider ?? '' } },
});

export function changeOf(db: DB, id: number): RosterChange {
  const c = cached(
    db,
    `SELECT c.*, a.display_name AS approver, r.display_name AS recorder FROM roster_changes c JOIN users a ON a.id = c.approved_by
     JOIN users r ON r.id = c.recorded_by WHERE c.id = ?`,
  ).get(id) as ChangeRow;
  return {
    id: c.id,
    kind: c.kind,
    reason: c.reason,
    approvedBy: { id: c.approved_by, name: c.approver },
    recordedBy: { id: c.recorded_by, name: c.recorder },
    recordedAt: c.recorded_at,
    added: cached(db, 'SELECT id FROM roster_assignments WHERE change_id = ? ORDER BY id').pluck().all(id) as number[],
    removed: cached(db, 'SELECT assignment_id FROM roster_removals WHERE change_id = ? ORDER BY assignment_id').pluck().all(id) as number[],
    detail: JSON.parse(c.detail) as Record<string, unknown>,
  };
}
