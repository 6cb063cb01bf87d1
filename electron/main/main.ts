// The Electron main process: one instance, one window, the lab (database under userData,
// trainers in utility processes) behind the lab API over IPC, the menu, and a quit that stops
// the running runs so that they are recorded as stopped. Security: electron/main/windowOptions.ts,
// appUrls.ts (navigation) and appProtocol.ts (the page over app://, with its CSP).

import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AppCommand } from '../../core/api/labBridge';
import type { ImportOutcome } from '../../core/api/labResults';
import { APP_COMMAND_CHANNEL } from '../../core/api/labBridge';
import { forwardLabEvents, LAB_EVENT_CHANNEL, registerLabIpc } from '../api/ipcTransport';
import type { LabHost } from '../api/labHost';
import { openLabHost } from '../api/labHost';
import { contentSecurityPolicy } from '../web/contentSecurityPolicy';
import { registerAppSchemePrivileges, serveRenderer } from './appProtocol';
import { APP_ENTRY_URL, isAppUrl, isExternalLink } from './appUrls';
import { menuTemplate } from './menuTemplate';
import { registerSaveFileIpc } from './saveFileIpc';
import { sqliteBindingFor } from './sqliteBinding';
import { utilityTrainerLauncher } from './utilityTrainerLauncher';
import { mainWindowOptions } from './windowOptions';

// electron-vite sets this while `npm start` serves the renderer; a packaged app never trusts it.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isTrustedSender = (url: string): boolean => isAppUrl(url, devServerUrl);
/** out/main: the built main process; the trainer entry and the preload sit beside it. */
const builtDir = __dirname;
const projectRoot = join(builtDir, '../..');

let window: BrowserWindow | null = null;
let lab: LabHost | null = null;
let quitting: 'no' | 'stopping' | 'done' = 'no';

function sendCommand(command: AppCommand): void {
  if (window !== null && !window.isDestroyed()) window.webContents.send(APP_COMMAND_CHANNEL, command);
}

function databasePath(): string {
  return process.env.RNN_LAB_DB ?? join(app.getPath('userData'), 'rnn-lab.db');
}

function createWindow(host: LabHost): BrowserWindow {
  const created = new BrowserWindow(mainWindowOptions(join(builtDir, '../preload/preload.js')));
  created.once('ready-to-show', () => created.show());
  const stopEvents = forwardLabEvents(host.service, (event) => {
    if (!created.isDestroyed()) created.webContents.send(LAB_EVENT_CHANNEL, event);
  });
  created.on('closed', () => {
    stopEvents();
    window = null;
  });
  void created.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return created;
}

async function importDataset(): Promise<void> {
  if (window === null || lab === null) return;
  const choice = await dialog.showOpenDialog(window, {
    title: 'Import dataset',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Datasets', extensions: ['ts', 'arff', 'tsv', 'txt', 'csv', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (choice.canceled || choice.filePaths.length === 0) return;
  const envelope = await lab.service.call('datasets.importFiles', { paths: choice.filePaths });
  if (envelope.ok) sendCommand({ type: 'import-finished', outcome: envelope.value as ImportOutcome });
  else sendCommand({ type: 'error', message: envelope.error.message });
}

async function importModel(): Promise<void> {
  if (window === null) return;
  const choice = await dialog.showOpenDialog(window, {
    title: 'Import model',
    properties: ['openFile'],
    filters: [{ name: 'Model JSON', extensions: ['json'] }],
  });
  if (choice.canceled || choice.filePaths.length === 0) return;
  const path = choice.filePaths[0];
  try {
    sendCommand({ type: 'model-opened', fileName: basename(path), text: await readFile(path, 'utf8') });
  } catch (error) {
    sendCommand({ type: 'error', message: `${path} could not be read: ${String(error)}` });
  }
}

function buildMenu(): void {
  const template = menuTemplate(
    {
      importDataset: () => void importDataset(),
      importModel: () => void importModel(),
      exportModel: () => sendCommand({ type: 'export-model' }),
      navigate: (view) => sendCommand({ type: 'navigate', view }),
      showAbout: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: 'About RNN Lab',
          message: `RNN Lab ${app.getVersion()}`,
          detail:
            'A lab for recurrent-network sequence classifiers.\n' +
            `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}\n` +
            `Database: ${databasePath()}`,
        }),
      openDataFolder: () => void shell.openPath(app.getPath('userData')),
    },
    process.platform,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  if (devServerUrl !== undefined) {
    // The dev server's pages get the same policy the app:// protocol sends.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [contentSecurityPolicy({ devServer: true })],
        },
      });
    });
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  const opened = openLabHost({
    databasePath: databasePath(),
    launcher: utilityTrainerLauncher(join(builtDir, 'trainer.js')),
    nativeBinding: sqliteBindingFor(app.isPackaged, projectRoot, {
      electronVersion: process.versions.electron,
      platform: process.platform,
      arch: process.arch,
    }),
  });
  if (!opened.ok) {
    dialog.showErrorBox('RNN Lab cannot open its database', opened.message);
    app.exit(1);
    return;
  }
  lab = opened.host;
  lockDownContents();
  serveRenderer(join(builtDir, '../renderer'));
  registerLabIpc(ipcMain, lab.service, isTrustedSender);
  registerSaveFileIpc(isTrustedSender, () => app.getPath('documents'));
  buildMenu();
  window = createWindow(lab);
}

registerAppSchemePrivileges();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitting === 'done' || lab === null) return;
    event.preventDefault();
    if (quitting === 'stopping') return;
    quitting = 'stopping';
    void lab.shutdown().finally(() => {
      quitting = 'done';
      app.quit();
    });
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox(
      'RNN Lab could not start',
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
    app.exit(1);
  });
}
