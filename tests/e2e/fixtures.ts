import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const SCREENS = path.join(ROOT, 'test-results', 'screens');

export interface Host {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
}

/** Starts the built browser host on a free port with its own data folder; resolves with the printed URL. */
export function startHost(dataDir: string, extraArgs: string[] = []): Promise<Host> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/electron/host/start.js'), '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, dataDir, child, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${out}`));
    });
  });
}

export async function stopHost(host: Host): Promise<void> {
  if (host.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    host.child.once('exit', () => resolve());
    host.child.kill('SIGTERM');
  });
}

/** Saves a screenshot of the current screen under test-results/screens, for people to look at. */
export async function screen(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.waitForTimeout(250); // let antd's motion settle so the picture shows the resting screen
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

export const test = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stationdesk-e2e-'));
    const host = await startHost(dataDir);
    await use(host);
    await stopHost(host);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
