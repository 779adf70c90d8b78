import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'StationDesk';

/**
 * Where the station's data lives when no --data-dir is given: the same folder Electron's
 * `app.getPath('userData')` gives for productName "StationDesk", so the desktop app and the
 * browser host on one PC see the same database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_FOLDER);
}

/** The built renderer, relative to the compiled main-process files (dist/electron/** → dist/renderer). */
export const rendererRoot = (): string => path.join(__dirname, '..', 'renderer');
