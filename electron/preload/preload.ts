// The preload: window.lab, typed (core/api/labBridge.ts), and nothing else. It runs sandboxed,
// so it is bundled into one CommonJS file and uses only contextBridge, ipcRenderer and webUtils.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { AppCommand, LabBridge } from '../../core/api/labBridge';
import { APP_COMMAND_CHANNEL, SAVE_FILE_CHANNEL } from '../../core/api/labBridge';
import type { Envelope } from '../../core/api/labError';
import type { LabEvent } from '../../core/api/labEvents';
import { LAB_EVENT_CHANNEL, LAB_INVOKE_CHANNEL } from '../api/ipcChannels';

function listen<T>(channel: string, listener: (value: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, value: T): void => listener(value);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const bridge: LabBridge = {
  invoke: (method, args) => ipcRenderer.invoke(LAB_INVOKE_CHANNEL, method, args) as Promise<Envelope>,
  subscribe: (listener) => listen<LabEvent>(LAB_EVENT_CHANNEL, listener),
  // The page passes a DOM File; the sandboxed preload sees it as one.
  pathForFile: (file) => webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]),
  saveFile: (file) => ipcRenderer.invoke(SAVE_FILE_CHANNEL, file),
  onCommand: (listener) => listen<AppCommand>(APP_COMMAND_CHANNEL, listener),
};

contextBridge.exposeInMainWorld('lab', bridge);
