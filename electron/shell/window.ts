import path from 'node:path';
import { contentSecurityPolicy, contentTypeOf, resolveStaticPath } from './static';

/**
 * Everything the Electron shell decides, as plain functions: main.ts only wires them to Electron,
 * and tests assert each of them under plain Node. Anchored in Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'stationdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** The subset of BrowserWindowConstructorOptions we set (checked against Electron's type in main.ts). */
export interface WindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    navigateOnDragDrop: false;
    spellcheck: false;
  };
}

export function windowOptions(preloadPath: string): WindowOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: '救助站值守台 StationDesk',
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** True only for our own app:// pages. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The app is a single page with hash routes: any real navigation is refused, even to itself. */
export function allowNavigation(_url: string): boolean {
  return false;
}

/** window.open and target=_blank never open anything. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Camera, microphone, geolocation, notifications…: the app asks for none, so every request is refused. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** An IPC call is answered only from our own top-level app:// frame. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

export interface ProtocolFile {
  file: string;
  headers: Record<string, string>;
}

/** What the app:// handler serves for a request URL, or null (404): files under the build folder only. */
export function appProtocolFile(rendererRoot: string, requestUrl: string): ProtocolFile | null {
  if (!isAppUrl(requestUrl)) return null;
  const file = resolveStaticPath(rendererRoot, new URL(requestUrl).pathname);
  if (!file) return null;
  return {
    file,
    headers: { 'content-type': contentTypeOf(file), 'content-security-policy': contentSecurityPolicy() },
  };
}

/** The subset of Electron's OpenDialogOptions a picker uses (checked against Electron's type in main.ts). */
export interface PickerOptions {
  title: string;
  properties: Array<'openDirectory' | 'openFile' | 'createDirectory'>;
  filters?: { name: string; extensions: string[] }[];
}

/**
 * The native picker for each thing the renderer may ask to pick; null for anything else (the renderer's word is
 * not trusted: it names a kind, never a path or an option).
 */
export function pickerOptions(kind: unknown): PickerOptions | null {
  if (kind === 'folder') return { title: '选择文件夹 Choose a folder', properties: ['openDirectory', 'createDirectory'] };
  if (kind === 'backupFile') {
    return { title: '选择备份文件 Choose a backup file', properties: ['openFile'], filters: [{ name: 'StationDesk backup', extensions: ['sqlite'] }] };
  }
  return null;
}

/** The subset of Electron's SaveDialogOptions the export save uses (checked against Electron's type in main.ts). */
export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

/**
 * The save dialog for an export: its own file name (a plain .xlsx name, as the main process made it) offered in the
 * given folder; null for any other name (nothing reaches the dialog that could point elsewhere).
 */
export function saveDialogOptions(fileName: unknown, folder: string): SaveDialogOptions | null {
  if (typeof fileName !== 'string' || fileName.length > 200 || !/\.xlsx$/.test(fileName)) return null;
  if (/[\\/:*?"<>|\u0000-\u001f]/.test(fileName) || fileName.startsWith('.')) return null;
  return {
    title: '导出 Export',
    defaultPath: path.join(folder, fileName),
    filters: [{ name: 'Excel 工作簿 (*.xlsx)', extensions: ['xlsx'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}
