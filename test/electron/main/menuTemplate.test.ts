import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuActions } from '../../../electron/main/menuTemplate';
import { menuTemplate } from '../../../electron/main/menuTemplate';

function actions(): MenuActions {
  return {
    importDataset: vi.fn(),
    importModel: vi.fn(),
    exportModel: vi.fn(),
    navigate: vi.fn(),
    showAbout: vi.fn(),
    openDataFolder: vi.fn(),
  };
}

function items(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return Array.isArray(menu.submenu) ? menu.submenu : [];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const all = template.flatMap((menu) => [menu, ...items(menu)]);
  const item = all.find((entry) => entry.label === label);
  if (item === undefined) throw new Error(`no menu item "${label}"`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('the application menu', () => {
  it('has File, View and Help, with the app menu first on macOS', () => {
    expect(menuTemplate(actions(), 'linux').map((m) => m.label ?? m.role)).toEqual([
      'File',
      'editMenu',
      'View',
      'help',
    ]);
    expect(menuTemplate(actions(), 'darwin')[0].role).toBe('appMenu');
  });

  it('wires File to the import and export actions, and ends with Quit', () => {
    const act = actions();
    const template = menuTemplate(act, 'win32');
    click(find(template, 'Import Dataset…'));
    click(find(template, 'Import Model…'));
    click(find(template, 'Export Model…'));
    expect(act.importDataset).toHaveBeenCalledOnce();
    expect(act.importModel).toHaveBeenCalledOnce();
    expect(act.exportModel).toHaveBeenCalledOnce();
    expect(items(template[0]).at(-1)?.role).toBe('quit');
  });

  it('navigates to every screen from View, and opens About and the data folder from Help', () => {
    const act = actions();
    const template = menuTemplate(act, 'linux');
    for (const label of ['Datasets', 'New Experiment', 'Runs', 'Compare', 'Inside a Sequence', 'Models']) {
      click(find(template, label));
    }
    expect(vi.mocked(act.navigate).mock.calls.map(([view]) => view)).toEqual([
      'datasets',
      'experiment',
      'runs',
      'compare',
      'sequence',
      'models',
    ]);
    click(find(template, 'About RNN Lab'));
    click(find(template, 'Open Data Folder'));
    expect(act.showAbout).toHaveBeenCalledOnce();
    expect(act.openDataFolder).toHaveBeenCalledOnce();
  });
});
