import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerSaver } from '../../../electron/host/ipc';
import { APP_START_URL, type SaveDialogOptions } from '../../../electron/shell/window';
import { SAVE_CHANNEL, type SavedExport } from '../../../shared/bridge';
import type { Result } from '../../../shared/domain/result';
import { openStation, tempDir, type TestStation } from '../helpers';

/** The desktop window's save, driven as Electron would drive it: a fake ipcMain and a scripted save dialog. */
let st: TestStation;
let folder: string;
afterEach(() => {
  st?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

type Handler = (event: unknown, exportId: unknown, sessionId: unknown) => Promise<Result<SavedExport>>;
const ours = { senderFrame: { url: APP_START_URL, parent: null } };

async function setUp() {
  st = openStation();
  folder = tempDir('stationdesk-save-');
  const desk = st.userWith(['front_desk'], 'desk');
  st.must('intake.register', { person: { name: '张三' }, channel: 'walk_in', arrivedAt: st.clock.t - 60_000 }, desk);
  const day = new Date(st.clock.t + 8 * 3_600_000).toISOString().slice(0, 10);
  const started = st.must('intake.exportRegister', { from: day, to: day }, desk);
  await st.core.services.exports.idle();
  let handler: Handler | undefined;
  const fakeIpcMain = { handle: (channel: string, fn: Handler) => channel === SAVE_CHANNEL && (handler = fn) };
  const shown: SaveDialogOptions[] = [];
  const dialog = { answer: { canceled: false, filePath: path.join(folder, 'chosen.xlsx') } as { canceled: boolean; filePath?: string } };
  registerSaver(fakeIpcMain as never, st.core.dispatch, async (options) => (shown.push(options), dialog.answer), path.join(folder, 'Documents'));
  return { desk, started, save: handler!, shown, dialog };
}

describe('saving an export in the desktop window', () => {
  it('offers the export’s own name in the documents folder and writes the file where the user chose', async () => {
    const { desk, started, save, shown } = await setUp();
    expect(await save(ours, started.id, desk)).toEqual({ ok: true, value: { path: path.join(folder, 'chosen.xlsx') } });
    expect(shown).toEqual([expect.objectContaining({ defaultPath: path.join(folder, 'Documents', started.fileName) })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(folder, 'chosen.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('C5').value).toBe('张三');
  });

  it('shows no dialog to a foreign frame, another session or a made-up export', async () => {
    const { desk, started, save, shown } = await setUp();
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await save(foreign, started.id, desk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await save(ours, started.id, st.adminSession)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await save(ours, started.id, undefined)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await save(ours, '../../etc/passwd', desk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(shown).toHaveLength(0);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('answers null when the user cancels, and says so when the chosen place cannot be written', async () => {
    const { desk, started, save, dialog } = await setUp();
    dialog.answer = { canceled: true, filePath: '' };
    expect(await save(ours, started.id, desk)).toEqual({ ok: true, value: null });
    dialog.answer = { canceled: false, filePath: path.join(folder, 'no-such-folder', 'x.xlsx') };
    expect(await save(ours, started.id, desk)).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { export: 'v.exportWrite' } } });
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
