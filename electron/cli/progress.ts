// A progress bar on the terminal while a run trains; nothing when output is not a terminal.

import { SingleBar } from 'cli-progress';
import type { EpochMetrics } from '../../core/train/metrics';
import { formatPercent } from './output';

export interface TrainingProgress {
  epoch(metrics: EpochMetrics): void;
  stop(): void;
}

export function createTrainingProgress(totalEpochs: number, enabled: boolean): TrainingProgress {
  if (!enabled) return { epoch: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format:
      'epoch {value}/{total} [{bar}] loss {loss}  val {val}  {duration_formatted} (eta {eta_formatted})',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(totalEpochs, 0, { loss: '-', val: '-' });
  return {
    epoch(m) {
      bar.update(m.epoch, { loss: m.trainLoss.toFixed(4), val: formatPercent(m.valAccuracy) });
    },
    stop() {
      bar.stop();
    },
  };
}
