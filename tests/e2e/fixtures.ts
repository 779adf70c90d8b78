import { test as base, expect, type Locator, type Page } from '@playwright/test';
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

/** The antd Select labelled `label` within `scope` (the page, a dialog, a table). */
export function selectLabelled(scope: Page | Locator, label: string): Locator {
  const page = 'page' in scope ? scope.page() : scope;
  return scope.locator('.ant-select', { has: page.getByLabel(label, { exact: true }) });
}

/**
 * Chooses an option of an antd Select and checks that the Select took it. Its options may still be loading, and a
 * click can land on a dropdown that is still closing from the attempt before: without the check, such a click
 * passes and the form is sent without the value (the duty e2e's handover was once acknowledged by nobody so).
 */
export async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  await expect(async () => {
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click({ timeout: 2_000 });
    await expect(select.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Calls a procedure on the host over HTTP with the launch token, as the renderer does. */
export async function hostCall<T = unknown>(host: Host, procedure: string, input: unknown, sessionId?: string): Promise<T> {
  const u = new URL(host.url);
  const res = await fetch(`${u.origin}/rpc/${procedure}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-stationdesk-token': u.searchParams.get('token') ?? '',
      ...(sessionId ? { 'x-stationdesk-session': sessionId } : {}),
    },
    body: JSON.stringify(input),
  });
  const r = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!r.ok) throw new Error(`${procedure}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

export const DESK_PASSWORD = 'Desk-pass-2026';

/** A set-up station with a front-desk clerk (李洁, also duty leader) and a colleague (赵敏) who can witness. */
export async function seedStation(host: Host) {
  await hostCall(host, 'setup.initialize', {
    stationName: '东城区救助管理站',
    timeZone: 'Asia/Shanghai',
    admin: { username: 'admin', displayName: '王站长', password: 'Admin-pass-1', passwordConfirm: 'Admin-pass-1' },
  });
  const admin = (await hostCall<{ sessionId: string }>(host, 'auth.login', { username: 'admin', password: 'Admin-pass-1' })).sessionId;
  const sessions: Record<string, string> = {};
  for (const [username, displayName, roles] of [
    ['lijie', '李洁', ['front_desk']],
    ['zhaomin', '赵敏', ['front_desk']],
  ] as const) {
    await hostCall(host, 'accounts.create', { username, displayName, roles, password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' }, admin);
    const s = (await hostCall<{ sessionId: string }>(host, 'auth.login', { username, password: 'Temp-pass-1' })).sessionId;
    await hostCall(host, 'auth.changePassword', { currentPassword: 'Temp-pass-1', newPassword: DESK_PASSWORD, newPasswordConfirm: DESK_PASSWORD }, s);
    sessions[username] = s;
  }
  const staff = await hostCall<{ id: number; displayName: string }[]>(host, 'intake.staff', {}, sessions.lijie);
  return { admin, desk: sessions.lijie!, colleague: sessions.zhaomin!, colleagueId: staff.find((s) => s.displayName === '赵敏')!.id };
}
