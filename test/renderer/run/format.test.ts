// The Run screen's number and time formatting.

import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatSeconds,
} from '../../../renderer/src/run/format';

describe('formatPercent', () => {
  it('writes a fraction as a percentage, a dash when unknown', () => {
    expect(formatPercent(0.9825)).toBe('98.25 %');
    expect(formatPercent(1, 1)).toBe('100.0 %');
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(Number.NaN)).toBe('–');
  });
});

describe('formatSeconds', () => {
  it('uses seconds, then minutes, then hours', () => {
    expect(formatSeconds(0.31)).toBe('0.3 s');
    expect(formatSeconds(42.4)).toBe('42 s');
    expect(formatSeconds(185)).toBe('3 min 5 s');
    expect(formatSeconds(7440)).toBe('2 h 04 min');
    expect(formatSeconds(null)).toBe('–');
    expect(formatSeconds(-1)).toBe('–');
  });
});

describe('formatNumber', () => {
  it('keeps ordinary values short and tiny or huge ones in exponent form', () => {
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(0.0012345)).toBe('0.00123');
    expect(formatNumber(1.2e-5)).toBe('1.2e-5');
    expect(formatNumber(1e-8)).toBe('1e-8');
    expect(formatNumber(3.4e6)).toBe('3.4e+6');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(null)).toBe('–');
  });
});

describe('formatDateTime and formatCount', () => {
  it('shows a dash for what has not happened, and the text of an unreadable time', () => {
    expect(formatDateTime(null)).toBe('–');
    expect(formatDateTime('not a time')).toBe('not a time');
    expect(formatDateTime('2026-01-02T03:04:05.000Z', 'en-US')).toMatch(/2026/);
  });
  it('groups thousands', () => {
    expect(formatCount(100000, 'en-US')).toBe('100,000');
    expect(formatCount(null)).toBe('–');
  });
});
