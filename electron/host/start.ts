import { parseArgs } from 'node:util';
import { openCore } from '../core';
import { DatabaseFromFutureError } from '../db/migrate';
import { defaultDataDir, rendererRoot } from '../paths';
import { startHttpHost } from './http';

/**
 * `node dist/electron/host/start.js [--port N] [--data-dir DIR]`: the browser host.
 * The last line it prints on start-up is the URL to open, with the launch token.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not ${values.port}`);
  const dataDir = values['data-dir'] ?? defaultDataDir();

  const core = openCore({ dataDir });
  const host = await startHttpHost({ dispatch: core.dispatch, staticRoot: rendererRoot(), port });
  const stop = () => {
    void host.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`StationDesk browser host — data folder: ${core.dataDir}\n`);
  process.stdout.write(`Open this address in a browser on this PC (it carries this launch's token):\n`);
  process.stdout.write(`${host.launchUrl}\n`);
}

main().catch((e: unknown) => {
  if (e instanceof DatabaseFromFutureError) {
    process.stderr.write(`StationDesk cannot open its database: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`StationDesk browser host failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
