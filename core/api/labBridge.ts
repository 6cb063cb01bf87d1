// What the Electron preload exposes to the renderer as `window.lab`, and nothing else: the lab
// API's two operations, and the three things only the desktop shell can do (a dropped file's
// path, a save dialog, the menu's commands). The web host has no bridge; the renderer then
// speaks the same API over a WebSocket and uses the browser's own upload and download.

import type { Envelope } from './labError';
import type { LabEventListener } from './labEvents';
import type { ExportedFile, ImportOutcome } from './labResults';

/** A file the user dropped on the window (the DOM's File has these and more). */
export interface DroppedFileLike {
  readonly name: string;
  readonly size: number;
}

export type SaveOutcome = { saved: true; path: string } | { saved: false };

/** What the application menu asks the page to do. */
export type AppCommand =
  | { type: 'navigate'; view: 'datasets' | 'experiment' | 'runs' | 'compare' | 'sequence' | 'models' }
  | { type: 'export-model' }
  | { type: 'model-opened'; fileName: string; text: string }
  /** File > Import Dataset… finished: what was imported, and why the rest was not. */
  | { type: 'import-finished'; outcome: ImportOutcome }
  | { type: 'error'; message: string };

export interface LabBridge {
  invoke(method: string, args: unknown): Promise<Envelope>;
  /** Returns the function that ends the subscription. */
  subscribe(listener: LabEventListener): () => void;
  /** The path on disk of a dropped file ('' when it has none, e.g. text dragged from a page). */
  pathForFile(file: DroppedFileLike): string;
  /** Asks where to save, in the system's save dialog, and writes the file there. */
  saveFile(file: ExportedFile): Promise<SaveOutcome>;
  onCommand(listener: (command: AppCommand) => void): () => void;
}

/** The Electron IPC channels of the desktop-only operations. */
export const SAVE_FILE_CHANNEL = 'lab:save-file';
export const APP_COMMAND_CHANNEL = 'lab:command';
