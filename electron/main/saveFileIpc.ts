// The save dialog behind window.lab.saveFile: the page asks, the user picks where, the main
// process writes. Calls from frames that are not the app's page are refused, and the file's
// fields are checked before anything is shown.

import { BrowserWindow, dialog, ipcMain } from 'electron';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { SaveOutcome } from '../../core/api/labBridge';
import { SAVE_FILE_CHANNEL } from '../../core/api/labBridge';
import { exportedFileBytes } from './exportedFileBytes';

const exportedFile = z.strictObject({
  fileName: z.string().min(1).max(255),
  mimeType: z.string().min(1).max(100),
  text: z.string(),
});

export function registerSaveFileIpc(
  isTrustedSender: (url: string) => boolean,
  defaultFolder: () => string,
): void {
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, file: unknown): Promise<SaveOutcome> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSender(url)) throw new Error(`saving files is refused to ${url || 'an unknown frame'}`);
    const parsed = exportedFile.safeParse(file);
    if (!parsed.success) throw new Error(`saveFile: ${parsed.error.issues[0].message}`);
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: `${defaultFolder()}/${basename(parsed.data.fileName)}` };
    const choice =
      window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { saved: false };
    await writeFile(choice.filePath, exportedFileBytes(parsed.data));
    return { saved: true, path: choice.filePath };
  });
}
