import { z } from 'zod';
import { mutation, operation, output, query } from './define';
import { displayName, newPassword, stationName, timeZone, username } from './fields';

export const stationSetupInput = z
  .object({
    stationName,
    timeZone: timeZone.default('Asia/Shanghai'),
    admin: z.object({ username, displayName, password: newPassword, passwordConfirm: z.string() }),
  })
  .refine((v) => v.admin.password === v.admin.passwordConfirm, {
    message: 'v.passwordMismatch',
    path: ['admin', 'passwordConfirm'],
  });

export interface SetupStatus {
  initialized: boolean;
  stationName: string | null;
}

export const setupContract = {
  /** Anyone may ask whether the station has been set up: the renderer decides between setup and login. */
  'setup.status': query('public', z.object({}).strict(), output<SetupStatus>()),
  /** First run only: creates the station and its first admin. Refused once done. */
  'setup.initialize': mutation('public', stationSetupInput, output<{ adminId: number }>()),
  /**
   * First run only: a demo station with a fortnight of stays, to try StationDesk. Its accounts share one
   * password, shown on screen, and the station is named as a demo.
   */
  'setup.loadDemo': operation('public', z.object({}).strict(), output<{ username: string; password: string; persons: number; stays: number }>()),
};
