// Advice after a divergence follows from the run's own configuration.

import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { divergenceAdvice, divergenceSentence } from '../../../renderer/src/run/divergence';

describe('divergenceAdvice', () => {
  it('always suggests a tenth of the learning rate', () => {
    const advice = divergenceAdvice(defaultTrainConfig);
    expect(advice[0]).toContain('0.003');
    expect(advice[0]).toContain('0.0003');
    expect(advice.join(' ')).not.toMatch(/clipping by global norm/);
  });

  it('suggests clipping when it is off, and harder clipping when the threshold is high', () => {
    const off = divergenceAdvice({ ...defaultTrainConfig, clip: { maxNorm: null, maxValue: null } });
    expect(off.join(' ')).toMatch(/Turn on gradient clipping/);
    const loose = divergenceAdvice({ ...defaultTrainConfig, clip: { maxNorm: 10, maxValue: null } });
    expect(loose.join(' ')).toMatch(/Clip harder: the global-norm threshold is 10/);
  });

  it('warns about relu and single-sequence SGD steps', () => {
    const advice = divergenceAdvice({
      ...defaultTrainConfig,
      activation: 'relu',
      optimizer: { kind: 'sgd', lr: 1 },
      batchSize: 1,
    });
    expect(advice.join(' ')).toMatch(/relu is unbounded/);
    expect(advice.join(' ')).toMatch(/larger batch/);
  });
});

describe('divergenceSentence', () => {
  it('names the step when it is known', () => {
    expect(divergenceSentence(1234)).toMatch(/at step 1,234/);
    expect(divergenceSentence(null)).toMatch(/^The run diverged:/);
  });
});
