import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import type { FeatureRegistry } from '../registry';
import { generateStation } from '../demo/generate';

/** A station is set up once it has an account (the first admin, or the demo's). */
export function isInitialized(db: DB): boolean {
  return cached(db, 'SELECT 1 FROM users LIMIT 1').get() !== undefined;
}

/** Loads the demo station into an empty data folder; used by `setup.loadDemo` and `npm start -- --demo`. */
export function loadDemoStation(db: DB, now: number, features: FeatureRegistry) {
  if (isInitialized(db)) throw new AppError('CONFLICT', 'This station has already been set up.');
  const report = generateStation(db, { size: 'demo', now, features });
  const admin = cached(db, "SELECT id, display_name AS name FROM users WHERE username = 'admin'").get() as { id: number; name: string };
  return { report, admin };
}
