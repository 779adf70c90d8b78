import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronBinary } = require('../../scripts/electron-binary.cjs') as { electronBinary: () => string | null };

const ROOT = path.resolve(__dirname, '../..');
const binary = electronBinary();
const SKIP_REASON =
  'the Electron binary is not installed on this machine (it is downloaded on first use and this network cannot reach it); ' +
  'the same main-process code is tested through the browser host in tests/e2e';

if (!binary) console.log(`[electron] skipped: ${SKIP_REASON}`);

test.describe('the Electron window', () => {
  test.skip(!binary, SKIP_REASON);

  test('opens the setup screen in a sandboxed, isolated window that refuses navigation and popups', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stationdesk-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: [ROOT, '--data-dir', dataDir] });
    try {
      const page = await app.firstWindow();
      await expect(page.getByText('首次使用：建立本站')).toBeVisible();
      expect(page.url()).toBe('app://stationdesk/index.html');
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((window as unknown as { stationdesk: object }).stationdesk).sort())).toEqual(['invoke', 'pickPath', 'saveExport']);
      // The native picker: a kind the main process does not know opens nothing; a folder comes back as its path
      // (the operating system's dialog answered in Electron's main process, as a user would).
      type Bridge = { stationdesk: { pickPath(kind: string): Promise<string | null> } };
      expect(await page.evaluate(() => (window as unknown as Bridge).stationdesk.pickPath('anything'))).toBeNull();
      await app.evaluate(({ dialog }) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: ['/media/usb'] })) as typeof dialog.showOpenDialog;
      });
      expect(await page.evaluate(() => (window as unknown as Bridge).stationdesk.pickPath('folder'))).toBe('/media/usb');
      // Saving an export: one this session did not make is refused before any save dialog opens.
      await app.evaluate(({ dialog }) => {
        dialog.showSaveDialog = (async () => {
          throw new Error('no save dialog expected');
        }) as typeof dialog.showSaveDialog;
      });
      type SaveBridge = { stationdesk: { saveExport(id: string, sessionId: string | undefined): Promise<{ ok: boolean; error?: { code: string } }> } };
      const refused = await page.evaluate(() => (window as unknown as SaveBridge).stationdesk.saveExport('00000000-0000-4000-8000-000000000000', undefined));
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      // Sandboxed and isolated: the page sees neither Node nor the preload's world, only the bridge.
      expect(await page.evaluate(() => typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer)).toBe('undefined');
      expect(await page.evaluate(() => window.open('https://example.org') === null)).toBe(true);
      await page.evaluate(() => (window.location.href = 'https://example.org'));
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://stationdesk/index.html');
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
