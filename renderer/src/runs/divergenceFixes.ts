// What to change after a run diverged (its loss or gradient norm stopped being finite), each
// suggestion with the configuration it leads to, so "try it" can duplicate the run with it:
// a smaller step first, then clipping (Pascanu, Mikolov & Bengio 2013), then the rest.

import type { RunSummary } from '../../../core/api/entities';
import type { TrainConfig } from '../../../core/train/config';
import { defaultInitFor } from '../../../core/train/defaults';

export interface DivergenceFix {
  /** One sentence: what to change and why. */
  text: string;
  /** The run's configuration with that change. */
  config: TrainConfig;
}

/** 0.0030000001 → 0.003: a learning rate a user would type. */
function round(value: number): number {
  return Number(value.toPrecision(2));
}

const SMALL_BATCH = 8;
const SUGGESTED_BATCH = 32;
const SUGGESTED_CLIP = 1;

export function divergenceFixes(config: TrainConfig): DivergenceFix[] {
  const fixes: DivergenceFix[] = [];
  const lr = round(config.optimizer.lr / 10);
  fixes.push({
    text: `Lower the learning rate from ${config.optimizer.lr} to ${lr}.`,
    config: { ...config, optimizer: { ...config.optimizer, lr } },
  });
  const clip = config.clip;
  if (clip.maxNorm === null) {
    fixes.push({
      text:
        clip.maxValue === null
          ? `Turn on gradient clipping by global norm (threshold ${SUGGESTED_CLIP}): it was off.`
          : `Add clipping by global norm (threshold ${SUGGESTED_CLIP}): clipping by value alone still lets the whole gradient grow.`,
      config: { ...config, clip: { ...clip, maxNorm: SUGGESTED_CLIP } },
    });
  } else if (clip.maxNorm > SUGGESTED_CLIP) {
    fixes.push({
      text: `Clip at a smaller threshold: ${SUGGESTED_CLIP} instead of ${clip.maxNorm}.`,
      config: { ...config, clip: { ...clip, maxNorm: SUGGESTED_CLIP } },
    });
  }
  if (config.activation === 'relu') {
    fixes.push({
      text: 'Use tanh: relu is unbounded, so activations can grow without limit through a long sequence.',
      config: {
        ...config,
        activation: 'tanh',
        init: config.init === defaultInitFor('relu') ? defaultInitFor('tanh') : config.init,
      },
    });
  }
  if (!config.normalize) {
    fixes.push({
      text: 'Normalize the features: large raw inputs make large first steps.',
      config: { ...config, normalize: true },
    });
  }
  if (config.batchSize < SMALL_BATCH) {
    fixes.push({
      text: `Use a larger batch (${SUGGESTED_BATCH}): averaging over more sequences makes each step steadier.`,
      config: { ...config, batchSize: SUGGESTED_BATCH },
    });
  }
  return fixes;
}

/** "Diverged at step 312 (epoch 7): the loss was not finite." from the summary and the host's error. */
export function divergenceSentence(summary: RunSummary, error: string | null): string {
  const where = summary.divergedAtStep === null ? 'Diverged' : `Diverged at step ${summary.divergedAtStep}`;
  // The host's error reads "diverged at step S (epoch E): the QUANTITY was not finite".
  const detail = error?.match(/(\(epoch \d+\))?: (the .*)$/);
  if (detail === null || detail === undefined) return `${where}: its loss or gradient stopped being finite.`;
  return `${where}${detail[1] === undefined ? '' : ` ${detail[1]}`}: ${detail[2]}.`;
}
