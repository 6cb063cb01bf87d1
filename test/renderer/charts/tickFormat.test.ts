import { describe, expect, it } from 'vitest';
import { logTickLabel, shortNumber } from '../../../renderer/src/charts/tickFormat';

describe('tick labels', () => {
  it('keep two significant digits, in exponent form when tiny or huge', () => {
    expect(shortNumber(0.01)).toBe('0.01');
    expect(shortNumber(0.123456)).toBe('0.12');
    expect(shortNumber(1234)).toBe('1200');
    expect(shortNumber(0.000001)).toBe('1e-6');
    expect(shortNumber(0.0000025)).toBe('2.5×1e-6');
    expect(shortNumber(250000)).toBe('2.5×1e5');
    expect(shortNumber(0)).toBe('0');
  });

  it('label only powers of ten on a log axis spanning decades', () => {
    expect(logTickLabel(0.001, 1e-8, 10)).toBe('0.001');
    expect(logTickLabel(1e-6, 1e-8, 10)).toBe('1e-6');
    expect(logTickLabel(2e-6, 1e-8, 10)).toBeNull();
    expect(logTickLabel(0.5, 0.2, 0.9)).toBe('0.5');
  });
});
