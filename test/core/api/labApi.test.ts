// The lab API contract on its own: every method has a schema, and checkLabCall refuses a
// malformed call with 'invalid-arguments' naming the field, filling in defaults otherwise.

import { describe, expect, it } from 'vitest';
import { checkLabCall, LAB_METHOD_NAMES, isLabMethodName } from '../../../core/api/labApi';
import { defaultTrainConfig } from '../../../core/train/defaults';

function refusal(method: unknown, args: unknown): { field?: string; message: string } {
  const checked = checkLabCall(method, args);
  if (checked.ok) throw new Error(`${String(method)} was accepted`);
  expect(checked.error.code).toBe('invalid-arguments');
  return checked.error;
}

describe('the lab API contract', () => {
  it('has the methods of the issue, by group', () => {
    const groups = new Set(LAB_METHOD_NAMES.map((name) => name.split('.')[0]));
    expect([...groups]).toEqual(['app', 'datasets', 'experiments', 'runs', 'metrics', 'models']);
    expect(LAB_METHOD_NAMES).toHaveLength(29);
    expect(isLabMethodName('runs.createGrid')).toBe(true);
    expect(isLabMethodName('toString')).toBe(false);
    expect(isLabMethodName('__proto__')).toBe(false);
  });

  it('fills in defaults and accepts absent arguments for methods that take none', () => {
    expect(checkLabCall('datasets.preview', { id: 2 })).toEqual({
      ok: true,
      method: 'datasets.preview',
      args: { id: 2, perClass: 3, split: 'train' },
    });
    expect(checkLabCall('datasets.list', undefined)).toMatchObject({ ok: true, args: {} });
  });

  it('turns grid axis values into the strings the grid reads', () => {
    const checked = checkLabCall('runs.createGrid', {
      name: 'g',
      datasetId: 1,
      base: defaultTrainConfig,
      axes: [{ key: 'clip-norm', values: [null, 1, 'none', true] }],
    });
    expect(checked.ok && checked.args).toMatchObject({ axes: [{ values: ['none', '1', 'none', 'true'] }] });
  });

  it('names the field of a refusal', () => {
    expect(refusal('nope', {})).toEqual({
      code: 'invalid-arguments',
      field: 'method',
      message: 'method: "nope" is not a lab API method',
    });
    expect(refusal(7, {}).field).toBe('method');
    expect(refusal('runs.get', { id: 0 }).field).toBe('id');
    expect(refusal('runs.get', { id: 1, ID: 2 })).toMatchObject({
      field: 'ID',
      message: 'ID: is not an argument of runs.get',
    });
    expect(refusal('runs.get', null).field).toBe('(arguments)');
    expect(
      refusal('runs.create', {
        datasetId: 1,
        config: { ...defaultTrainConfig, optimizer: { kind: 'adam', lr: -1 } },
      }).field,
    ).toBe('config.optimizer.lr');
    expect(refusal('runs.list', { status: ['running', 'paused'] }).field).toBe('status[1]');
    expect(refusal('metrics.series', { runIds: [1], metrics: ['loss'], maxPoints: 2 }).field).toBe(
      'maxPoints',
    );
    expect(refusal('models.evaluate', { text: '{}', datasetId: 1 }).field).toBe('split');
    expect(refusal('datasets.importFiles', { paths: [] }).field).toBe('paths');
  });
});
