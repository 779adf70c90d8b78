import { differenceInCalendarDays, parseISO } from 'date-fns';
import { z } from 'zod';
import type { AppErrorShape } from '../domain/result';
import { mutation, output, query } from './define';
import { calendarDate } from './fields';

/** The longest period one export covers: a year, leap day included (about 50,000 stays at a large station). */
export const MAX_PERIOD_DAYS = 366;

/** Station-calendar days, both ends included. The field errors land on `to`, the end the user picks last. */
export const period = z
  .object({ from: calendarDate, to: calendarDate })
  .strict()
  .superRefine((p, ctx) => {
    // zod runs this even when a day is malformed; that day's own message is enough.
    if (!calendarDate.safeParse(p.from).success || !calendarDate.safeParse(p.to).success) return;
    if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'v.periodOrder' });
    else if (differenceInCalendarDays(parseISO(p.to), parseISO(p.from)) + 1 > MAX_PERIOD_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'v.periodTooLong' });
    }
  });
export type Period = z.output<typeof period>;

/** What a procedure that starts an export answers: the file is built after the call, followed by `export.status`. */
export interface ExportStarted {
  id: string;
  fileName: string;
  /** Data rows in the file (all sheets). */
  rows: number;
}

export interface ExportStatus extends ExportStarted {
  state: 'building' | 'ready' | 'failed';
  /** Data rows written so far (for a progress bar). */
  written: number;
  /** The file's size once ready. */
  bytes: number | null;
  /** Why it failed. */
  error: AppErrorShape | null;
}

/** A finished file, for the browser host's download (the desktop window saves it in the main process instead). */
export interface ExportFile {
  fileName: string;
  mediaType: string;
  dataBase64: string;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An export's id is random and answers only to the session that started it (anyone else gets NOT_FOUND). */
const exportId = z.object({ id: z.uuid() }).strict();

export const exportContract = {
  /**
   * The intake register (接待登记台账) of the stays that arrived in a period, as XLSX for the bureau. Personal data
   * leaves the system: the audit row names who exported which period and how many rows.
   */
  'export.intakeRegister': mutation('intake.read', period, output<ExportStarted>()),
  /** How an export started by this session is coming along. */
  'export.status': query('user', exportId, output<ExportStatus>()),
  /** The finished file (CONFLICT while it is still being built). */
  'export.file': query('user', exportId, output<ExportFile>()),
};
