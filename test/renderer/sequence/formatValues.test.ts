import { describe, expect, it } from 'vitest';
import {
  formatActivation,
  formatNorm,
  formatProbability,
  vectorSummary,
} from '../../../renderer/src/sequence/formatValues';

describe('the numbers of the sequence screen', () => {
  it('writes activations with three decimals, never as -0.000', () => {
    expect(formatActivation(0.12345)).toBe('0.123');
    expect(formatActivation(-0.0001)).toBe('0.000');
    expect(formatActivation(-1)).toBe('-1.000');
    expect(formatActivation(Number.NaN)).toBe('NaN');
  });

  it('writes probabilities as percentages', () => {
    expect(formatProbability(0.979)).toBe('97.9 %');
    expect(formatProbability(1)).toBe('100 %');
    expect(formatProbability(0.00001)).toBe('0 %');
  });

  it('writes gradient norms over many decades', () => {
    expect(formatNorm(0.0107)).toBe('0.0107');
    expect(formatNorm(5.45e-5)).toBe('5.45e-5');
    expect(formatNorm(12345)).toBe('1.23e+4');
    expect(formatNorm(0)).toBe('0');
    expect(formatNorm(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });

  it('summarizes a vector', () => {
    expect(vectorSummary([1, -2, 4])).toEqual({ min: -2, max: 4, mean: 1 });
    expect(vectorSummary([]).mean).toBeNaN();
  });
});
