import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../core/api/entities';
import { trainConfigSchema } from '../../../core/train/configSchema';
import type { TrainConfig } from '../../../core/train/config';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { divergenceFixes, divergenceSentence } from '../../../renderer/src/runs/divergenceFixes';

const config = (changes: Partial<TrainConfig>): TrainConfig => ({ ...defaultTrainConfig, ...changes });
const texts = (c: TrainConfig) => divergenceFixes(c).map((fix) => fix.text);

describe('divergenceFixes', () => {
  it('always suggests a tenth of the learning rate first', () => {
    const [first] = divergenceFixes(config({ optimizer: { kind: 'sgd', lr: 0.3 } }));
    expect(first.text).toBe('Lower the learning rate from 0.3 to 0.03.');
    expect(first.config.optimizer).toEqual({ kind: 'sgd', lr: 0.03 });
  });

  it('turns clipping on when it was off', () => {
    const fixes = divergenceFixes(config({ clip: { maxNorm: null, maxValue: null } }));
    const clip = fixes.find((fix) => fix.text.startsWith('Turn on gradient clipping'));
    expect(clip?.text).toContain('it was off');
    expect(clip?.config.clip).toEqual({ maxNorm: 1, maxValue: null });
  });

  it('adds norm clipping when only values were clipped', () => {
    const fixes = divergenceFixes(config({ clip: { maxNorm: null, maxValue: 5 } }));
    expect(fixes[1].text).toMatch(/^Add clipping by global norm/);
    expect(fixes[1].config.clip).toEqual({ maxNorm: 1, maxValue: 5 });
  });

  it('suggests a smaller threshold when it clipped at a large one, nothing about clipping at 1', () => {
    expect(texts(config({ clip: { maxNorm: 10, maxValue: null } }))).toContain(
      'Clip at a smaller threshold: 1 instead of 10.',
    );
    expect(texts(config({ clip: { maxNorm: 1, maxValue: null } })).some((t) => /[Cc]lip/.test(t))).toBe(
      false,
    );
  });

  it('suggests tanh for relu, the normalization and a larger batch when they apply', () => {
    const fixes = divergenceFixes(
      config({ activation: 'relu', init: 'identity', normalize: false, batchSize: 1 }),
    );
    const tanh = fixes.find((fix) => fix.text.startsWith('Use tanh'));
    expect(tanh?.config).toMatchObject({ activation: 'tanh', init: 'orthogonal' });
    expect(fixes.find((fix) => fix.text.startsWith('Normalize'))?.config.normalize).toBe(true);
    expect(fixes.find((fix) => fix.text.startsWith('Use a larger batch'))?.config.batchSize).toBe(32);
    expect(texts(defaultTrainConfig)).toHaveLength(1);
  });

  it('gives configurations the schema accepts, each differing in one place from the run', () => {
    const run = config({
      activation: 'relu',
      init: 'xavier',
      normalize: false,
      batchSize: 2,
      clip: { maxNorm: null, maxValue: null },
      optimizer: { kind: 'momentum', lr: 0.07, momentum: 0.9 },
    });
    for (const fix of divergenceFixes(run)) {
      expect(trainConfigSchema.safeParse(fix.config).success).toBe(true);
      expect(fix.config).not.toEqual(run);
    }
    expect(divergenceFixes(run)[0].config.optimizer).toEqual({ kind: 'momentum', lr: 0.007, momentum: 0.9 });
  });
});

describe('divergenceSentence', () => {
  const summary = (step: number | null): RunSummary => ({
    epochs: 0,
    steps: 2,
    bestValAccuracy: null,
    bestEpoch: null,
    finalTestAccuracy: null,
    finalTrainLoss: null,
    divergedAtStep: step,
    seconds: 1,
  });

  it('says where and what, from the summary and the host error', () => {
    expect(
      divergenceSentence(summary(312), 'diverged at step 312 (epoch 7): the gradient norm was not finite'),
    ).toBe('Diverged at step 312 (epoch 7): the gradient norm was not finite.');
  });

  it('still says something without the details', () => {
    expect(divergenceSentence(summary(5), null)).toBe(
      'Diverged at step 5: its loss or gradient stopped being finite.',
    );
    expect(divergenceSentence(summary(null), 'odd')).toBe(
      'Diverged: its loss or gradient stopped being finite.',
    );
  });
});
