// The models screen's readable text: figures, architecture, the training configuration and
// metrics of a model's provenance, and the confusion matrix's shares.

import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../core/model/architecture';
import { toJsonObject } from '../../../core/model/modelJson';
import { defaultTrainConfig } from '../../../core/train/defaults';
import {
  architectureRows,
  classRecalls,
  configRows,
  describeClip,
  describeOptimizer,
  formatJsonValue,
  formatNumber,
  formatPercent,
  humanizeKey,
  metricRows,
  provenanceRows,
  rowShares,
} from '../../../renderer/src/models/modelFormat';

function valueOf(rows: { label: string; value: string }[], label: string): string | undefined {
  return rows.find((row) => row.label === label)?.value;
}

describe('figures as text', () => {
  it('writes shares as percents and a missing one as a dash', () => {
    expect(formatPercent(0.7378)).toBe('73.8 %');
    expect(formatPercent(1, 0)).toBe('100 %');
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(Number.NaN)).toBe('–');
  });

  it('keeps integers and rounds other numbers to four significant digits', () => {
    expect(formatNumber(1113)).toBe('1113');
    expect(formatNumber(1.33443552)).toBe('1.334');
    expect(formatNumber(0.003)).toBe('0.003');
    expect(formatNumber(1e-8)).toBe('1e-8');
  });

  it('writes JSON values readably', () => {
    expect(formatJsonValue(null)).toBe('–');
    expect(formatJsonValue(true)).toBe('yes');
    expect(formatJsonValue('adam')).toBe('adam');
    expect(formatJsonValue([1, 2])).toBe('[1,2]');
  });

  it('turns camelCase keys into words', () => {
    expect(humanizeKey('bestValAccuracy')).toBe('Best val accuracy');
    expect(humanizeKey('grad_norm')).toBe('Grad norm');
  });
});

describe('architectureRows', () => {
  it('names every part of the shape and the parameter count', () => {
    const arch: Architecture = {
      inputSize: 12,
      hiddenSize: 24,
      numClasses: 9,
      numLayers: 2,
      cell: 'highway',
      activation: 'relu',
      residual: true,
    };
    const rows = architectureRows(arch, 12345);
    expect(valueOf(rows, 'Cell')).toBe('highway');
    expect(valueOf(rows, 'Layers (D)')).toBe('2');
    expect(valueOf(rows, 'Hidden size (L)')).toBe('24');
    expect(valueOf(rows, 'Activation')).toBe('relu');
    expect(valueOf(rows, 'Residual across depth')).toBe('yes');
    expect(valueOf(rows, 'Input features (N)')).toBe('12');
    expect(valueOf(rows, 'Classes (K)')).toBe('9');
    expect(valueOf(rows, 'Parameters')).toBe('12,345');
  });
});

describe('the training configuration', () => {
  it('describes the optimizer with its settings', () => {
    expect(describeOptimizer({ kind: 'adam', lr: 0.003, beta1: 0.9, beta2: 0.999, eps: 1e-8 })).toBe(
      'adam: lr 0.003, β1 0.9, β2 0.999, ε 1e-8',
    );
    expect(describeOptimizer({ kind: 'sgd', lr: 0.1 })).toBe('sgd: lr 0.1');
  });

  it('describes clipping by norm, by value, both or none', () => {
    expect(describeClip({ maxNorm: 1, maxValue: null })).toBe('global norm ≤ 1');
    expect(describeClip({ maxNorm: 5, maxValue: 0.5 })).toBe('global norm ≤ 5, value ≤ 0.5');
    expect(describeClip({ maxNorm: null, maxValue: null })).toBe('none');
  });

  it('lists a TrainConfig readably, leaving out what the architecture and seed rows show', () => {
    const rows = configRows(toJsonObject(defaultTrainConfig));
    expect(valueOf(rows, 'Optimizer')).toBe('adam: lr 0.003, β1 0.9, β2 0.999, ε 1e-8');
    expect(valueOf(rows, 'Gradient clipping')).toBe('global norm ≤ 1');
    expect(valueOf(rows, 'Validation split')).toBe('20 %');
    expect(valueOf(rows, 'Early stopping')).toBe('after 20 epochs without improvement');
    expect(valueOf(rows, 'Z-score features')).toBe('yes');
    const labels = rows.map((row) => row.label);
    expect(labels).not.toContain('Seed');
    expect(labels).not.toContain('Hidden size');
  });

  it('says never for no early stopping, and keeps keys it does not know', () => {
    const rows = configRows({ patience: null, dropout: 0.1 });
    expect(valueOf(rows, 'Early stopping')).toBe('never');
    expect(valueOf(rows, 'Dropout')).toBe('0.1');
  });
});

describe('metricRows', () => {
  it('writes accuracies as percents, the time in seconds and no divergence as no', () => {
    const rows = metricRows({
      bestValAccuracy: 0.7777,
      finalTestAccuracy: null,
      finalTrainLoss: 1.33443,
      divergedAtStep: null,
      seconds: 1.04329,
    });
    expect(valueOf(rows, 'Best val accuracy')).toBe('77.8 %');
    expect(valueOf(rows, 'Final test accuracy')).toBe('–');
    expect(valueOf(rows, 'Final train loss')).toBe('1.334');
    expect(valueOf(rows, 'Diverged')).toBe('no');
    expect(valueOf(rows, 'Training time')).toBe('1.0 s');
  });

  it('describes a divergence by its step and quantity', () => {
    expect(valueOf(metricRows({ divergedAtStep: 42 }), 'Diverged')).toBe('at step 42');
    expect(valueOf(metricRows({ divergence: { step: 7, epoch: 1, quantity: 'loss' } }), 'Diverged')).toBe(
      'at step 7: the loss was not finite',
    );
  });
});

describe('provenanceRows', () => {
  it('names the dataset, a shortened fingerprint with the full one as title, and the seed', () => {
    const fingerprint = 'db3897c555e5d6ea8184aba63e1d61bb801a033f8bd7de394a0c8f3af2e7484d';
    const rows = provenanceRows({
      datasetName: 'JapaneseVowels',
      datasetFingerprint: fingerprint,
      seed: 3,
      app: 'rnn-lab 0.1.0',
      config: { seed: 3 },
      metrics: {},
      note: 'by hand',
    });
    expect(valueOf(rows, 'Dataset')).toBe('JapaneseVowels');
    const print = rows.find((row) => row.label === 'Dataset fingerprint');
    expect(print?.value).toBe('db3897c555e5…');
    expect(print?.title).toBe(fingerprint);
    expect(valueOf(rows, 'Seed')).toBe('3');
    expect(valueOf(rows, 'Written by')).toBe('rnn-lab 0.1.0');
    expect(valueOf(rows, 'Note')).toBe('by hand');
    expect(rows.map((row) => row.label)).not.toContain('Config');
  });

  it('is empty for a model that says nothing about its training', () => {
    expect(provenanceRows({})).toEqual([]);
  });
});

describe('the confusion matrix', () => {
  const confusion = [
    [8, 2, 0],
    [1, 3, 0],
    [0, 0, 0],
  ];

  it('gives each cell its share of the actual class, zero for an empty row', () => {
    expect(rowShares(confusion)).toEqual([
      [0.8, 0.2, 0],
      [0.25, 0.75, 0],
      [0, 0, 0],
    ]);
  });

  it('gives each class its recall, null without sequences', () => {
    expect(classRecalls(confusion)).toEqual([0.8, 0.75, null]);
  });
});
