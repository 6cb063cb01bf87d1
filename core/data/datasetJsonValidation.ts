// The checks of a parsed dataset JSON value, field by field, into a Dataset: every problem
// comes back as a DataError naming the file, the field path and what was expected.

import { orderClassLabels } from './classOrder';
import type { Dataset } from './dataset';
import { dataFailure, type DataErrorCode, type DataFailure, type DataResult } from './dataError';
import { baseNameOf, fileStemOf } from './formats/datasetName';
import { listShown, showToken } from './formats/tokens';

/** Builds the failure for one field of one file: `fail('ragged', 'sequences[3][1]', 'has ...')`. */
type Fail = (code: DataErrorCode, field: string, message: string) => DataFailure;

/** The dataset in `root`, the value of the file `file`'s JSON, or the first problem with it. */
export function validateDataset(root: unknown, file: string): DataResult<Dataset> {
  const fail: Fail = (code, field, message) =>
    dataFailure(code, file, message, field === '' ? {} : { field });
  if (!isRecord(root)) {
    return fail(
      'bad-field',
      '',
      `the top level is ${describe(root)}; expected an object with "sequences" and "labels"`,
    );
  }
  const { sequences: rawSequences, labels: rawLabels } = root;
  const expectSequences = 'expected an array of sequences (number[][][])';
  const expectLabels = 'expected an array with one class label per sequence';
  if (rawSequences === undefined) return fail('missing-field', 'sequences', `is missing; ${expectSequences}`);
  if (!Array.isArray(rawSequences)) {
    return fail('bad-field', 'sequences', `is ${describe(rawSequences)}; ${expectSequences}`);
  }
  if (rawLabels === undefined) return fail('missing-field', 'labels', `is missing; ${expectLabels}`);
  if (!Array.isArray(rawLabels))
    return fail('bad-field', 'labels', `is ${describe(rawLabels)}; ${expectLabels}`);
  if (rawLabels.length !== rawSequences.length) {
    const counts = `has ${rawLabels.length} entries but sequences has ${rawSequences.length}`;
    return fail('length-mismatch', 'labels', `${counts}; expected one label per sequence`);
  }
  if (rawSequences.length === 0)
    return fail('no-sequences', 'sequences', 'is empty; expected at least one sequence');
  // null is taken as "not given" for the optional fields, as Python's json writes None.
  const name = root.name ?? (fileStemOf(file) || baseNameOf(file));
  if (typeof name !== 'string') return fail('bad-field', 'name', `is ${describe(name)}; expected a string`);
  const declared = root.classLabels ?? null;
  const classLabels = declared === null ? null : validateClassLabels(declared, fail);
  if (classLabels !== null && !classLabels.ok) return classLabels;
  const sequences = validateSequences(rawSequences, fail);
  if (!sequences.ok) return sequences;
  const labels = validateLabels(rawLabels, classLabels === null ? null : classLabels.value, fail);
  if (!labels.ok) return labels;
  return { ok: true, value: { name, ...sequences.value, ...labels.value } };
}

/** A declared class list fixes the class order (and K) even when the file uses fewer classes. */
function validateClassLabels(declared: unknown, fail: Fail): DataResult<string[]> {
  if (!Array.isArray(declared)) {
    return fail('bad-field', 'classLabels', `is ${describe(declared)}; expected an array of strings`);
  }
  const seen = new Set<string>();
  for (let k = 0; k < declared.length; k++) {
    const label: unknown = declared[k];
    const field = `classLabels[${k}]`;
    if (typeof label !== 'string')
      return fail('bad-field', field, `is ${describe(label)}; expected a string`);
    if (label === '') return fail('bad-field', field, 'is an empty string; expected a class name');
    if (seen.has(label)) {
      return fail('duplicate-label', field, `repeats ${JSON.stringify(label)}; expected each class once`);
    }
    seen.add(label);
  }
  if (declared.length < 2) {
    return fail(
      'single-class',
      'classLabels',
      `has ${declared.length} entries; expected at least two classes`,
    );
  }
  return { ok: true, value: declared as string[] };
}

function validateSequences(
  raw: unknown[],
  fail: Fail,
): DataResult<{ numFeatures: number; sequences: Float64Array[] }> {
  let numFeatures = -1;
  const sequences = new Array<Float64Array>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const sequence: unknown = raw[i];
    const path = `sequences[${i}]`;
    if (!Array.isArray(sequence)) {
      return fail(
        'bad-field',
        path,
        `is ${describe(sequence)}; expected an array of time steps (number[][])`,
      );
    }
    if (sequence.length === 0)
      return fail('empty-sequence', path, 'has no time steps; expected at least one');
    let values = new Float64Array(0);
    for (let t = 0; t < sequence.length; t++) {
      const step: unknown = sequence[t];
      if (!Array.isArray(step)) {
        const expected = 'expected an array of feature values (number[])';
        return fail('bad-field', `${path}[${t}]`, `is ${describe(step)}; ${expected}`);
      }
      if (numFeatures < 0) {
        if (step.length === 0) {
          return fail('no-features', `${path}[${t}]`, 'is empty; expected at least one feature value');
        }
        numFeatures = step.length;
      }
      if (step.length !== numFeatures) {
        const reference = t === 0 ? 'sequences[0][0]' : `${path}[0]`;
        const expected = `expected ${numFeatures}, as in ${reference}`;
        return fail('ragged', `${path}[${t}]`, `has ${step.length} feature values; ${expected}`);
      }
      if (t === 0) values = new Float64Array(sequence.length * numFeatures);
      for (let j = 0; j < numFeatures; j++) {
        const x: unknown = step[j];
        if (typeof x !== 'number') {
          return fail('non-numeric', `${path}[${t}][${j}]`, `is ${describe(x)}; expected a finite number`);
        }
        if (!Number.isFinite(x)) {
          // Only an overflowing literal such as 1e999 parses to a non-finite number.
          return fail(
            'non-finite',
            `${path}[${t}][${j}]`,
            'overflows a 64-bit float; expected a finite number',
          );
        }
        values[t * numFeatures + j] = x;
      }
    }
    sequences[i] = values;
  }
  return { ok: true, value: { numFeatures, sequences } };
}

function validateLabels(
  raw: unknown[],
  declared: string[] | null,
  fail: Fail,
): DataResult<{ classLabels: string[]; labels: Int32Array }> {
  const keys = new Array<string>(raw.length);
  const expected = 'expected a class label (a string or a number)';
  let allNumbers = true;
  for (let i = 0; i < raw.length; i++) {
    const label: unknown = raw[i];
    const field = `labels[${i}]`;
    if (label === null || label === undefined) return fail('missing-label', field, `is null; ${expected}`);
    if (typeof label === 'number') {
      if (!Number.isFinite(label)) return fail('non-finite', field, `overflows a 64-bit float; ${expected}`);
      keys[i] = String(label);
    } else if (typeof label === 'string') {
      if (label.trim() === '') return fail('missing-label', field, `is an empty string; ${expected}`);
      keys[i] = label;
      allNumbers = false;
    } else {
      return fail('bad-label', field, `is ${describe(label)}; ${expected}`);
    }
  }
  const classLabels = declared ?? orderClassLabels(keys, allNumbers);
  if (classLabels.length < 2) {
    const only = JSON.stringify(classLabels[0]);
    return fail('single-class', 'labels', `has only one class (${only}); expected at least two classes`);
  }
  const indexOf = new Map(classLabels.map((label, k) => [label, k]));
  const labels = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const k = indexOf.get(keys[i]);
    if (k === undefined) {
      const notDeclared = `is ${JSON.stringify(keys[i])}, which is not in classLabels`;
      return fail(
        'unknown-label',
        `labels[${i}]`,
        `${notDeclared}; expected one of ${listShown(classLabels, 10, 'classes')}`,
      );
    }
    labels[i] = k;
  }
  return { ok: true, value: { classLabels, labels } };
}

/** A value for a message: its JSON type, or a string cut short. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'string') return showToken(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
