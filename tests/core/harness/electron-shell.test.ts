import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PICK_CHANNEL, RPC_CHANNEL, SAVE_CHANNEL } from '../../../shared/bridge';
import { registerPicker } from '../../../electron/host/ipc';
import {
  allowNavigation,
  APP_START_URL,
  appProtocolFile,
  isAppUrl,
  isTrustedSender,
  permissionDecision,
  pickerOptions,
  saveDialogOptions,
  windowOpenDecision,
  windowOptions,
} from '../../../electron/shell/window';
import { resolveStaticPath } from '../../../electron/shell/static';

const ROOT = path.resolve(__dirname, '../../..');

describe('the Electron shell’s decisions (asserted without launching Electron)', () => {
  it('builds an isolated, sandboxed window without Node', () => {
    const o = windowOptions('/app/preload.js');
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.js',
    });
  });

  it('denies every navigation, window.open and permission request', () => {
    for (const url of ['https://example.org', 'file:///etc/passwd', APP_START_URL, 'app://stationdesk/other.html', 'javascript:alert(1)']) {
      expect(allowNavigation(url), url).toBe(false);
    }
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(permissionDecision(p)).toBe(false);
  });

  it('answers IPC only from our own top-level app:// frame', () => {
    expect(isTrustedSender({ url: APP_START_URL, parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://stationdesk/index.html#/admin', parent: null })).toBe(true);
    expect(isTrustedSender({ url: APP_START_URL, parent: {} })).toBe(false); // a subframe
    expect(isTrustedSender({ url: 'https://stationdesk', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('serves app:// files from the build folder only, with the CSP', () => {
    const root = '/opt/stationdesk/renderer';
    expect(appProtocolFile(root, 'app://stationdesk/index.html')).toMatchObject({
      file: path.join(root, 'index.html'),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    expect(appProtocolFile(root, 'app://stationdesk/')?.headers['content-security-policy']).toContain("script-src 'self'");
    // Whatever the URL parser or the decoder makes of dot segments, the file stays under the root.
    for (const u of ['app://stationdesk/../../etc/passwd', 'app://stationdesk/%2e%2e/%2e%2e/etc/passwd', 'app://stationdesk/..%2f..%2fetc/passwd', 'app://stationdesk/%5c..%5c..%5cetc']) {
      const served = appProtocolFile(root, u);
      if (served) expect(served.file.startsWith(root + path.sep), u).toBe(true);
    }
    expect(appProtocolFile(root, 'app://stationdesk/..%2f..%2fetc/passwd')).toBeNull();
    expect(appProtocolFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveStaticPath(root, '/assets/x.js')).toBe(path.join(root, 'assets/x.js'));
  });

  it('shows a native picker only for a kind it knows, only to our own frame, and answers the chosen path', async () => {
    expect(pickerOptions('folder')?.properties).toContain('openDirectory');
    expect(pickerOptions('backupFile')).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['sqlite'] }] });
    for (const k of ['', 'file', '/etc', { properties: ['openFile'] }, null]) expect(pickerOptions(k)).toBeNull();
    let handler: ((event: unknown, kind: unknown) => Promise<string | null>) | undefined;
    const fakeIpcMain = { handle: (channel: string, fn: typeof handler) => channel === PICK_CHANNEL && (handler = fn) };
    const shown: unknown[] = [];
    let answer = { canceled: false, filePaths: ['/media/usb'] };
    registerPicker(fakeIpcMain as never, async (options) => (shown.push(options), answer));
    const ours = { senderFrame: { url: APP_START_URL, parent: null } };
    expect(await handler!(ours, 'folder')).toBe('/media/usb');
    expect(await handler!({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'folder')).toBeNull();
    expect(await handler!(ours, 'anything')).toBeNull();
    expect(shown).toHaveLength(1); // neither the foreign frame nor the unknown kind saw a dialog
    answer = { canceled: true, filePaths: [] };
    expect(await handler!(ours, 'backupFile')).toBeNull();
  });

  it('offers an export only under a plain .xlsx name, in the folder the main process names', () => {
    const folder = path.join(path.sep, 'home', 'desk', 'Documents');
    expect(saveDialogOptions('接待登记台账_2026-07-01_2026-07-31.xlsx', folder)).toEqual({
      title: '导出 Export',
      defaultPath: path.join(folder, '接待登记台账_2026-07-01_2026-07-31.xlsx'),
      filters: [{ name: 'Excel 工作簿 (*.xlsx)', extensions: ['xlsx'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(saveDialogOptions(`${'台'.repeat(195)}.xlsx`, folder)).not.toBeNull();
    const refused = [`${'台'.repeat(196)}.xlsx`, '../x.xlsx', '/etc/x.xlsx', 'a\\b.xlsx', 'C:x.xlsx', '.xlsx', 'x.xlsx.exe', 'x.XLSX ', 'x\u0000.xlsx', 42, null, { fileName: 'x.xlsx' }];
    for (const name of refused) expect(saveDialogOptions(name, folder), String(name)).toBeNull();
  });

  it('the preload exposes three functions on their own channels, and only three files import electron', () => {
    const preload = fs.readFileSync(path.join(ROOT, 'electron/preload.ts'), 'utf8');
    expect(preload).toContain(`const RPC_CHANNEL = '${RPC_CHANNEL}'`);
    expect(preload).toContain(`const PICK_CHANNEL = '${PICK_CHANNEL}'`);
    expect(preload).toContain(`const SAVE_CHANNEL = '${SAVE_CHANNEL}'`);
    expect(preload).toMatch(/exposeInMainWorld\('stationdesk', bridge\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else if (/\.tsx?$/.test(e.name) && /from ['"]electron['"]|require\(['"]electron['"]\)/.test(fs.readFileSync(path.join(ROOT, rel), 'utf8'))) importers.push(rel);
      }
    };
    ['electron', 'shared', 'renderer/src'].forEach(walk);
    expect(importers.sort()).toEqual(['electron/host/ipc.ts', 'electron/main.ts', 'electron/preload.ts']);
  });
});
