import { z } from 'zod';
import { query, output } from './define';

/**
 * Alerts and shift-handover sections, declared by each feature in the main process's registry
 * (electron/features/alerts) and read here by the board, the handover and the header.
 */
export const URGENCIES = ['urgent', 'warning', 'notice'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** One thing an alert or a handover section points at, and the record it opens. */
export interface AlertLine {
  /** The record it opens: an entity the renderer's features know how to open (e.g. `stay`), and its id. */
  entity: string;
  id: number;
  /** Who or what it is about: a name, else a description (renderer: clientLabel). */
  name: string | null;
  description: string | null;
  /** Who is responsible for it, when that is someone. */
  owner: string | null;
  /** A short machine value that the owning feature's renderer formats (days, a task kind and state, a count). */
  detail: string;
  at: number | null;
}

/** One kind of alert (e.g. `intake.overLimit`): how many, and the first lines. */
export interface AlertGroup {
  /** `<feature>.<name>`: the catalog key of its title is `alerts.<key>` in the feature's catalog. */
  key: string;
  feature: string;
  urgency: Urgency;
  count: number;
  lines: AlertLine[];
}

/** A figure at a glance in a handover section: a catalog key (or a label such as a zone's name) and a value. */
export interface HandoverFigure {
  key: string;
  label?: string;
  value: number;
  /** Out of how many, when that is what it means (12 of 16 beds taken). */
  of?: number;
}

/** One section of a shift handover, compiled from live data by the feature that owns it. */
export interface HandoverSection {
  /** `<feature>.<name>`, e.g. `intake.census`. */
  key: string;
  feature: string;
  figures: HandoverFigure[];
  lines: AlertLine[];
}

export const alertsListInput = z
  .object({
    /** How many lines each group carries (its count is always whole). */
    lines: z.number().int().min(0).max(200).default(20),
  })
  .strict();

export const alertsContract = {
  /** Every alert the caller's roles may see, most urgent first. */
  'alerts.list': query('user', alertsListInput, output<AlertGroup[]>()),
};
