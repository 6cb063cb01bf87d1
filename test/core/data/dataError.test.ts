// formatDataError: file first, then line and column when known, then the field and the reason.

import { describe, expect, it } from 'vitest';
import { dataFailure, formatDataError } from '../../../core/data/dataError';

describe('formatDataError', () => {
  it('writes file, line, column, field and message in that order', () => {
    const { error } = dataFailure('non-numeric', 'train.json', 'is "abc"; expected a finite number', {
      line: 3,
      column: 14,
      field: 'sequences[2][5][1]',
    });
    expect(formatDataError(error)).toBe(
      'train.json, line 3, column 14: sequences[2][5][1] is "abc"; expected a finite number',
    );
  });

  it('leaves out what is not known', () => {
    expect(formatDataError({ code: 'empty-file', file: 'a.json', message: 'the file is empty' })).toBe(
      'a.json: the file is empty',
    );
    expect(formatDataError({ code: 'bad-json', file: 'a.json', line: 2, message: 'not valid JSON' })).toBe(
      'a.json, line 2: not valid JSON',
    );
    expect(formatDataError({ code: 'bad-field', file: 'a.json', field: 'name', message: 'is 3' })).toBe(
      'a.json: name is 3',
    );
  });

  it('builds failures as values', () => {
    const result = dataFailure('too-large', 'big.json', 'too big');
    expect(result).toEqual({ ok: false, error: { code: 'too-large', file: 'big.json', message: 'too big' } });
  });
});
