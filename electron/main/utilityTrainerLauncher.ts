// Trainers in the app: Electron's utilityProcess.fork on the built trainer entry, behind the
// same TrainerHandle the run manager uses with Node's child_process.fork in tests and the CLI.

import { utilityProcess } from 'electron';
import type { TrainerHandle, TrainerLauncher } from '../runs/trainerLauncher';
import type { HostMessage, TrainerMessage } from '../trainer/protocol';

export function utilityTrainerLauncher(entryPath: string): TrainerLauncher {
  return (): TrainerHandle => {
    const child = utilityProcess.fork(entryPath, [], { serviceName: 'RNN Lab trainer', stdio: 'pipe' });
    let stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString()).slice(-2000);
    });
    // Messages sent before the process has started wait for it.
    let spawned = false;
    let exited = false;
    const waiting: HostMessage[] = [];
    child.once('spawn', () => {
      spawned = true;
      for (const message of waiting.splice(0)) child.postMessage(message);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (exited) return;
        if (spawned) child.postMessage(message);
        else waiting.push(message);
      },
      onMessage: (handler) => child.on('message', (message: unknown) => handler(message as TrainerMessage)),
      onExit: (handler) =>
        child.once('exit', (code) => {
          exited = true;
          if (code === 0) return handler(null);
          const detail = stderrTail.trim().split('\n').slice(-3).join(' | ');
          handler(`the trainer process exited with code ${code}${detail ? `: ${detail}` : ''}`);
        }),
      kill: () => {
        child.kill();
      },
    };
  };
}
