import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

const ROOT = path.resolve(__dirname, '../../..');

/** `npm start` without an Electron binary: one line saying so, then the browser host, URL last. */
describe('npm start where Electron is absent', () => {
  // Needs the build (npm test builds first).
  it(
    'falls back to the browser host, passes --port and --data-dir through, and prints the URL last',
    async () => {
      const dataDir = tempDir();
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.cjs'), '--port', '0', '--data-dir', dataDir], {
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(dataDir, 'no-electron-here') },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(out)), 15_000);
        child.stdout.on('data', () => {
          const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)\n$/.exec(out);
          if (m) (clearTimeout(timer), resolve(m[1]!));
        });
      });
      try {
        const lines = out.trim().split('\n');
        expect(lines[0]).toMatch(/Electron binary is not installed here; starting the browser host instead/);
        expect(lines.at(-1)).toBe(url);
        expect(out).toContain(dataDir);
        expect(fs.existsSync(path.join(dataDir, 'stationdesk.sqlite'))).toBe(true);
        const page = await fetch(url.replace(/\?token=.*/, ''));
        expect(await page.text()).toContain('<div id="root">');
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
