// Starting a trainer process. The run manager only sees a TrainerHandle; the app launches
// trainers with Electron's utilityProcess.fork, tests and the CLI with Node's
// child_process.fork (this file), both on the same trainer entry.

import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { HostMessage, TrainerMessage } from '../trainer/protocol';

export interface TrainerHandle {
  readonly pid: number | undefined;
  send(message: HostMessage): void;
  onMessage(handler: (message: TrainerMessage) => void): void;
  /** Called once when the process ends: null for a clean exit, else why it ended. */
  onExit(handler: (reason: string | null) => void): void;
  kill(): void;
}

export type TrainerLauncher = () => TrainerHandle;

export const TRAINER_ENTRY = join(__dirname, '../trainer/trainerEntry.ts');

/** Node's child_process.fork on the TypeScript entry, run through tsx. */
export const nodeTrainerLauncher: TrainerLauncher = () => {
  const child = fork(TRAINER_ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-2000);
  });
  return {
    pid: child.pid,
    send: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (handler) => child.on('message', (message) => handler(message as TrainerMessage)),
    onExit: (handler) =>
      child.once('exit', (code, signal) => {
        if (code === 0) return handler(null);
        const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
        const detail = stderrTail.trim().split('\n').slice(-3).join(' | ');
        handler(`the trainer process ${how}${detail ? `: ${detail}` : ''}`);
      }),
    kill: () => {
      child.kill('SIGKILL');
    },
  };
};
