import { describe, expect, it } from 'vitest';
import { formatAccuracy, formatDuration, secondsBetween } from '../../../renderer/src/runs/format';

describe('formatDuration', () => {
  it('writes seconds, minutes and hours', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(44.6)).toBe('45 s');
    expect(formatDuration(80)).toBe('1 min 20 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3600 + 5 * 60 + 9)).toBe('1 h 5 min');
  });

  it('writes a dash when unknown', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(undefined)).toBe('–');
    expect(formatDuration(-1)).toBe('–');
    expect(formatDuration(Infinity)).toBe('–');
  });
});

describe('formatAccuracy', () => {
  it('is a percentage with one decimal', () => {
    expect(formatAccuracy(0.9512)).toBe('95.1 %');
    expect(formatAccuracy(1)).toBe('100.0 %');
    expect(formatAccuracy(null)).toBe('–');
  });
});

describe('secondsBetween', () => {
  it('measures to the end, or to now while it lasts', () => {
    const start = '2024-01-01T00:00:00.000Z';
    expect(secondsBetween(start, '2024-01-01T00:01:30.000Z', 0)).toBe(90);
    expect(secondsBetween(start, null, Date.parse(start) + 5000)).toBe(5);
    expect(secondsBetween(null, null, 0)).toBeNull();
    expect(secondsBetween('not a time', null, 0)).toBeNull();
  });
});
