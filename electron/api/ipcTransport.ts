// The lab API over Electron IPC, on the main side: one invoke channel whose calls go to the
// lab service once the sending frame is known to be the app's own page, and the events pushed
// to a window. It takes the few members of ipcMain it uses, so it runs (and is tested) without
// Electron; the real ipcMain fits IpcMainLike as it is.

import type { Envelope } from '../../core/api/labError';
import { labFailure } from '../../core/api/labError';
import type { LabEvent } from '../../core/api/labEvents';
import { LAB_INVOKE_CHANNEL } from './ipcChannels';
import type { LabService } from './labService';

export { LAB_EVENT_CHANNEL, LAB_INVOKE_CHANNEL } from './ipcChannels';

/** The part of Electron's IpcMainInvokeEvent used here. */
export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/**
 * Answers LAB_INVOKE_CHANNEL calls (method, args) with the service's envelope. A call from a
 * frame whose URL is not trusted (a page navigated elsewhere, an iframe) gets a 'forbidden'
 * envelope and never reaches the service. Returns the function that removes the handler.
 */
export function registerLabIpc(
  ipcMain: IpcMainLike,
  service: LabService,
  isTrustedSender: (senderUrl: string) => boolean,
): () => void {
  ipcMain.handle(LAB_INVOKE_CHANNEL, async (event, method, args): Promise<Envelope> => {
    const url = event.senderFrame?.url ?? null;
    let trusted = false;
    try {
      trusted = url !== null && isTrustedSender(url);
    } catch {
      trusted = false;
    }
    if (!trusted) {
      return labFailure(
        'forbidden',
        `the lab API refuses calls from ${url === null ? 'an unknown frame' : url}`,
      );
    }
    if (typeof method !== 'string') {
      return labFailure('invalid-arguments', 'method: expected the name of a lab API method', 'method');
    }
    return service.call(method, args);
  });
  return () => ipcMain.removeHandler(LAB_INVOKE_CHANNEL);
}

/**
 * Pushes every lab event to `send`, e.g. (event) => window.webContents.send(LAB_EVENT_CHANNEL,
 * event). Returns the function that stops it (call it when the window closes).
 */
export function forwardLabEvents(service: LabService, send: (event: LabEvent) => void): () => void {
  return service.on(send);
}
