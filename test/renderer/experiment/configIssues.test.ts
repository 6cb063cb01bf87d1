import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../../core/train/defaults';
import {
  configIssues,
  formFieldOfHostField,
  hostMessageWithoutField,
} from '../../../renderer/src/experiment/configIssues';

const base = () => structuredClone(defaultTrainConfig);

describe('configIssues', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(configIssues(base())).toEqual({});
  });

  it('keys each issue by its field path, in words', () => {
    const config = {
      ...base(),
      hiddenSize: 1.5,
      numLayers: NaN,
      epochs: 0,
      valSplit: 0.95,
      optimizer: { kind: 'adam', lr: -1, beta1: 1, beta2: 0.999, eps: 1e-8 },
      clip: { maxNorm: 0, maxValue: null },
    };
    expect(configIssues(config)).toEqual({
      hiddenSize: 'Enter a whole number.',
      numLayers: 'Enter a number.',
      epochs: 'Must be at least 1.',
      valSplit: 'Must be at most 0.9.',
      'optimizer.lr': 'Must be more than 0.',
      'optimizer.beta1': 'Must be less than 1.',
      'clip.maxNorm': 'Must be more than 0.',
    });
  });

  it('accepts switched-off settings (null) where the schema does', () => {
    expect(configIssues({ ...base(), patience: null, clip: { maxNorm: null, maxValue: null } })).toEqual({});
  });
});

describe('host fields', () => {
  it('maps the arguments of runs.create and runs.createGrid onto the form', () => {
    expect(formFieldOfHostField('base.optimizer.lr')).toBe('optimizer.lr');
    expect(formFieldOfHostField('config.hiddenSize')).toBe('hiddenSize');
    expect(formFieldOfHostField('axes')).toBe('axes');
    expect(formFieldOfHostField('datasetId')).toBe('datasetId');
  });

  it('drops the field name the message starts with', () => {
    expect(hostMessageWithoutField('base.epochs: Too small', 'base.epochs')).toBe('Too small');
    expect(hostMessageWithoutField('There is no dataset 9.', 'datasetId')).toBe('There is no dataset 9.');
  });
});
