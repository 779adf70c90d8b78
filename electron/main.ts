import { app, BrowserWindow, dialog, ipcMain, protocol, session, type BrowserWindowConstructorOptions } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { registerIpc, registerPicker, registerSaver } from './host/ipc';
import { isInitialized } from './features/setup/service';
import { rendererRoot } from './paths';
import { scheduleBackups } from './features/backup/schedule';
import { scheduleCheckpoints } from './db/checkpoint';
import { openStation, type Station } from './station';
import {
  allowNavigation,
  APP_SCHEME,
  APP_START_URL,
  appProtocolFile,
  permissionDecision,
  windowOpenDecision,
  windowOptions,
} from './shell/window';

// Lifecycle, window and hardening only; every decision lives in shell/window.ts, every rule in core.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let station: Station | undefined;
let backups: ReturnType<typeof scheduleBackups> | undefined;
let checkpoints: ReturnType<typeof scheduleCheckpoints> | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  // One process owns the database (two migrating at once is how databases get locked or damaged).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => windowOpenDecision());
  });
  app.on('window-all-closed', () => app.quit());
  // On quit: the last backup is written (on a worker thread) before the database closes; then quit for real.
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    backups?.stop();
    const checkpointsStopped = checkpoints?.stop();
    void Promise.all([backups?.onQuit(), checkpointsStopped]).finally(() => {
      station?.close();
      app.exit(0);
    });
  });
  app.whenReady().then(start, (e: unknown) => fatal(e));
}

function start(): void {
  const args = process.argv.slice(app.isPackaged ? 1 : 2);
  const dirFlag = args.indexOf('--data-dir');
  const dataDir = dirFlag >= 0 && args[dirFlag + 1] ? path.resolve(args[dirFlag + 1]!) : app.getPath('userData');
  // A damaged or newer database does not stop the app: the window shows the recovery screen.
  station = openStation({ dataDir });
  if (args.includes('--demo') && station.core && !isInitialized(station.core.db)) station.dispatch('setup.loadDemo', {}, {});
  backups = scheduleBackups(station);
  checkpoints = scheduleCheckpoints(station);
  const root = rendererRoot();
  protocol.handle(APP_SCHEME, (request) => {
    const served = appProtocolFile(root, request.url);
    if (!served) return new Response('Not found', { status: 404 });
    try {
      return new Response(fs.readFileSync(served.file), { headers: served.headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  registerIpc(ipcMain, station.dispatch);
  registerPicker(ipcMain, (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)));
  registerSaver(ipcMain, station.dispatch, (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)), app.getPath('documents'));

  const options: BrowserWindowConstructorOptions = windowOptions(path.join(__dirname, 'preload.js'));
  mainWindow = new BrowserWindow(options);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(APP_START_URL);
}

function fatal(e: unknown): void {
  dialog.showErrorBox('救助站值守台 StationDesk', `StationDesk could not start: ${e instanceof Error ? e.message : String(e)}`);
  app.exit(1);
}
