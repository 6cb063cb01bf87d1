// The lab API through Electron IPC, with a minimal stand-in for ipcMain: the shared contract
// suite, and the sender check that keeps foreign pages away from the lab.

import { describe, expect, it, vi } from 'vitest';
import { createLabClient } from '../../../core/api/labClient';
import type { Envelope } from '../../../core/api/labError';
import type { LabEvent } from '../../../core/api/labEvents';
import type { IpcInvokeEventLike, IpcMainLike } from '../../../electron/api/ipcTransport';
import { forwardLabEvents, LAB_INVOKE_CHANNEL, registerLabIpc } from '../../../electron/api/ipcTransport';
import { describeLabContract } from './labContract';
import { TINY_SPEC } from './labFixtures';
import type { LabConnection } from './labHarness';
import { openTestLab } from './labHarness';

const APP_URL = 'app://rnn-lab/index.html';
const isAppUrl = (url: string): boolean => url.startsWith('app://rnn-lab/');

type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

/** ipcMain as far as the lab uses it; invoke() plays ipcRenderer.invoke from a given frame. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Arguments and answers cross as Electron's structured clone carries them. */
  async invoke(senderUrl: string | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    const event = { senderFrame: senderUrl === null ? null : { url: senderUrl } };
    return structuredClone(await handler(event, ...structuredClone(args)));
  }
}

function connectIpc(): Promise<LabConnection> {
  const lab = openTestLab();
  const ipcMain = new FakeIpcMain();
  const unregister = registerLabIpc(ipcMain, lab.service, isAppUrl);
  const rawInvoke = async (method: string, args: unknown): Promise<Envelope> =>
    (await ipcMain.invoke(APP_URL, LAB_INVOKE_CHANNEL, method, args)) as Envelope;
  const client = createLabClient({
    invoke: rawInvoke,
    // What webContents.send would deliver to the preload, cloned on the way.
    subscribe: (listener) => forwardLabEvents(lab.service, (event) => listener(structuredClone(event))),
  });
  return Promise.resolve({
    client,
    lab,
    rawInvoke,
    close: async () => {
      unregister();
      await lab.close();
    },
  });
}

describeLabContract('Electron IPC', connectIpc);

describe('the IPC transport', () => {
  it('refuses calls from frames that are not the app, before they reach the service', async () => {
    const lab = openTestLab();
    const ipcMain = new FakeIpcMain();
    const unregister = registerLabIpc(ipcMain, lab.service, (url) => {
      if (url === 'boom:') throw new Error('cannot judge');
      return isAppUrl(url);
    });
    const call = vi.spyOn(lab.service, 'call');
    for (const sender of ['https://evil.example/', 'file:///tmp/page.html', null, 'boom:']) {
      const envelope = (await ipcMain.invoke(sender, LAB_INVOKE_CHANNEL, 'datasets.list', {})) as Envelope;
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) expect(envelope.error.code).toBe('forbidden');
    }
    expect(call).not.toHaveBeenCalled();

    const good = (await ipcMain.invoke(APP_URL, LAB_INVOKE_CHANNEL, 'datasets.list', {})) as Envelope;
    expect(good).toEqual({ ok: true, value: [] });
    const noName = (await ipcMain.invoke(APP_URL, LAB_INVOKE_CHANNEL, 42, {})) as Envelope;
    expect(noName.ok === false && noName.error.field).toBe('method');

    unregister();
    expect(ipcMain.handlers.has(LAB_INVOKE_CHANNEL)).toBe(false);
    await lab.close();
  });

  it('forwards the lab events until told to stop', async () => {
    const lab = openTestLab();
    const sent: LabEvent[] = [];
    const stop = forwardLabEvents(lab.service, (event) => sent.push(event));
    await lab.service.call('datasets.importBuiltin', { spec: TINY_SPEC });
    expect(sent).toEqual([{ event: 'datasets.changed', payload: {} }]);
    stop();
    await lab.service.call('datasets.importBuiltin', { spec: 'builtin:waveforms?n=20&nTest=10' });
    expect(sent).toHaveLength(1);
    await lab.close();
  });
});
