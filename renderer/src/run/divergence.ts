// What to change after a run diverged (its loss or gradient stopped being finite): a smaller
// step first, then gradient clipping (Pascanu, Mikolov, Bengio 2013), then a gentler start.

import type { TrainConfig } from '../../../core/train/config';
import { formatNumber } from './format';

export function divergenceAdvice(config: TrainConfig): string[] {
  const advice: string[] = [];
  const lr = config.optimizer.lr;
  advice.push(
    `Lower the learning rate: it is ${formatNumber(lr, 4)}; try ${formatNumber(lr / 10, 4)} (a tenth).`,
  );
  if (config.clip.maxNorm === null) {
    advice.push(
      'Turn on gradient clipping by global norm (a threshold of 1 is a good start): it caps each step when the gradient explodes.',
    );
  } else if (config.clip.maxNorm > 1) {
    advice.push(
      `Clip harder: the global-norm threshold is ${formatNumber(config.clip.maxNorm)}; try 1 or lower.`,
    );
  }
  if (config.activation === 'relu') {
    advice.push(
      'relu is unbounded: with a recurrence whose largest singular value exceeds 1 the activations grow every step. A tanh network, or a lower learning rate, is safer.',
    );
  }
  if (config.optimizer.kind === 'sgd' && config.batchSize === 1) {
    advice.push('A larger batch averages the gradient over more sequences and makes each step steadier.');
  }
  return advice;
}

export function divergenceSentence(step: number | null): string {
  return step === null
    ? 'The run diverged: its loss or gradient stopped being finite.'
    : `The run diverged at step ${step.toLocaleString()}: its loss or gradient stopped being finite there.`;
}
