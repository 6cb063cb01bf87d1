// The trainer process's entry: started by the run manager with Node's child_process.fork
// (in tests and the CLI) or Electron's utilityProcess.fork (in the app). It trains one run
// and exits; if the host goes away, it exits too rather than train for nobody.

import type { TrainingControl } from './runTraining';
import { runTraining } from './runTraining';
import { connectTrainerPort } from './trainerPort';

const port = connectTrainerPort();
const control: TrainingControl = { stopRequested: false };
let started = false;

port.onHostGone(() => process.exit(0));
// Ctrl-C in a terminal signals the whole process group; the host decides what stops, and
// asks through the port, so that a stopped run is recorded as stopped rather than failed.
process.on('SIGINT', () => undefined);
port.onMessage((message) => {
  if (message.type === 'stop') {
    control.stopRequested = true;
    return;
  }
  if (started) return;
  started = true;
  runTraining(message, port, control).then(
    () => process.exit(0),
    async (error: unknown) => {
      await port.send({
        type: 'failed',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      process.exit(1);
    },
  );
});
