// The trainer's side of its channel to the host, whichever process model runs it: Electron's
// utility process (process.parentPort) or Node's child_process.fork (process.send). The same
// trainer entry file serves both.

import type { HostMessage, TrainerMessage } from './protocol';

export interface TrainerPort {
  /** Resolves once the message has left this process. */
  send(message: TrainerMessage): Promise<void>;
  onMessage(handler: (message: HostMessage) => void): void;
  /** Called when the host goes away; the trainer then has nothing to report to. */
  onHostGone(handler: () => void): void;
}

/** The part of Electron's ParentPort that the trainer uses (typed here to keep electron out). */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function connectTrainerPort(): TrainerPort {
  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      send: (message) => {
        parentPort.postMessage(message);
        return Promise.resolve();
      },
      onMessage: (handler) => parentPort.on('message', (event) => handler(event.data as HostMessage)),
      // A utility process is ended by Electron together with its parent.
      onHostGone: () => undefined,
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('the trainer must be started by a host: no IPC channel and no parentPort');
  return {
    send: (message) =>
      new Promise((resolve) => {
        if (!process.connected) return resolve();
        send(message, undefined, undefined, () => resolve());
      }),
    onMessage: (handler) => process.on('message', (message) => handler(message as HostMessage)),
    onHostGone: (handler) => process.on('disconnect', handler),
  };
}
