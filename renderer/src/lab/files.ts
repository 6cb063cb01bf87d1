// Files in and out of the page, the desktop way or the browser way: dropped files become host
// paths (Electron) or uploaded contents (browser); an exported file goes through the system's
// save dialog (Electron) or becomes a download (browser).

import type { ExportedFile, ImportOutcome } from '../../../core/api/labResults';
import { desktopBridge, lab } from './lab';

export type MissingPolicy = 'refuse' | 'forward' | 'zero';

export async function importDroppedFiles(
  files: readonly File[],
  missing?: MissingPolicy,
): Promise<ImportOutcome> {
  const bridge = desktopBridge();
  if (bridge !== null) {
    const paths = files.map((file) => bridge.pathForFile(file));
    if (paths.every((path) => path !== '')) return lab().invoke('datasets.importFiles', { paths, missing });
  }
  const contents = await Promise.all(
    files.map(async (file) => ({ name: file.name, text: await file.text() })),
  );
  return lab().invoke('datasets.importContent', { files: contents, missing });
}

/** Downloads in a browser; saves through the save dialog in the app. False when cancelled. */
export async function saveExportedFile(file: ExportedFile): Promise<boolean> {
  const bridge = desktopBridge();
  if (bridge !== null) return (await bridge.saveFile(file)).saved;
  downloadBlob(new Blob([file.text], { type: file.mimeType }), file.fileName);
  return true;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  clickDownload(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The browser's download of `href` under `fileName`. */
function clickDownload(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/** A canvas (a chart) as a PNG download or save. */
export async function saveCanvasPng(canvas: HTMLCanvasElement, fileName: string): Promise<boolean> {
  const bridge = desktopBridge();
  const dataUrl = canvas.toDataURL('image/png');
  if (bridge !== null) {
    return (await bridge.saveFile({ fileName, mimeType: 'image/png', text: dataUrl })).saved;
  }
  clickDownload(dataUrl, fileName);
  return true;
}

/** Reads a file the user picked (model JSON) as text. */
export function readPickedFile(file: File): Promise<string> {
  return file.text();
}
