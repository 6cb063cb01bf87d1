// The application menu (File, View, Help), as data: the main process builds it with
// Menu.buildFromTemplate; a test checks its items without Electron.

import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../core/api/labBridge';

type View = Extract<AppCommand, { type: 'navigate' }>['view'];

export interface MenuActions {
  importDataset(): void;
  importModel(): void;
  exportModel(): void;
  navigate(view: View): void;
  showAbout(): void;
  openDataFolder(): void;
}

const VIEWS: { view: View; label: string }[] = [
  { view: 'datasets', label: 'Datasets' },
  { view: 'experiment', label: 'New Experiment' },
  { view: 'runs', label: 'Runs' },
  { view: 'compare', label: 'Compare' },
  { view: 'sequence', label: 'Inside a Sequence' },
  { view: 'models', label: 'Models' },
];

export function menuTemplate(actions: MenuActions, platform: string): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import Dataset…', accelerator: 'CmdOrCtrl+O', click: () => actions.importDataset() },
      { label: 'Import Model…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importModel() },
      { label: 'Export Model…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportModel() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...VIEWS.map(({ view: name, label }, i): MenuItemConstructorOptions => ({
        label,
        accelerator: `CmdOrCtrl+${i + 1}`,
        click: () => actions.navigate(name),
      })),
      { type: 'separator' },
      { role: 'reload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'About RNN Lab', click: () => actions.showAbout() },
      { label: 'Open Data Folder', click: () => actions.openDataFolder() },
    ],
  };
  const edit: MenuItemConstructorOptions = { role: 'editMenu' };
  return mac ? [{ role: 'appMenu' }, file, edit, view, help] : [file, edit, view, help];
}
