import { parseArgs } from 'node:util';
import { createLogger } from '../log';
import { defaultDataDir, rendererRoot } from '../paths';
import { isInitialized } from '../features/setup/service';
import { scheduleBackups } from '../features/backup/schedule';
import { scheduleCheckpoints } from '../db/checkpoint';
import { openStation } from '../station';
import { startHttpHost } from './http';
import path from 'node:path';

/**
 * `node dist/electron/host/start.js [--port N] [--data-dir DIR] [--demo]`: the browser host; `--demo` loads a
 * demo station into an empty data folder.
 * The last line it prints on start-up is the URL to open, with the launch token. A database that cannot be
 * opened does not stop it: the page then shows the recovery screen.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' }, demo: { type: 'boolean', default: false } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not ${values.port}`);
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const logger = createLogger(path.join(dataDir, 'logs'));

  const station = openStation({ dataDir, logger });
  if (values.demo && station.core && !isInitialized(station.core.db)) {
    const r = station.dispatch('setup.loadDemo', {}, {});
    process.stdout.write(r.ok ? `Demo station loaded: sign in as admin, password ${(r.value as { password: string }).password}\n` : `Demo station not loaded: ${r.error.message}\n`);
  }
  const backups = scheduleBackups(station, { logger });
  const checkpoints = scheduleCheckpoints(station, { logger });
  const host = await startHttpHost({ dispatch: station.dispatch, staticRoot: rendererRoot(), port });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    backups.stop();
    const checkpointsStopped = checkpoints.stop();
    void host
      .close()
      .then(() => Promise.all([backups.onQuit(), checkpointsStopped]))
      .finally(() => {
        station.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`StationDesk browser host — data folder: ${dataDir}\n`);
  if (station.recovery.mode === 'recovery') {
    process.stdout.write(`The database cannot be opened (${station.recovery.problem}); the page offers the newest good backup.\n`);
  }
  process.stdout.write(`Open this address in a browser on this PC (it carries this launch's token):\n`);
  process.stdout.write(`${host.launchUrl}\n`);
  // The start-up check of the file runs beside the first screens; damage it finds turns the page to recovery.
  if (station.recovery.mode === 'normal') {
    void station.checked.then(() => {
      const after = station.recovery;
      if (after.mode === 'recovery') {
        process.stdout.write(`The database cannot be opened (${after.problem}, found by the start-up check); the page offers the newest good backup.\n`);
      }
    });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`StationDesk browser host failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
