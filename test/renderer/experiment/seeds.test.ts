import { describe, expect, it } from 'vitest';
import { seedsFor } from '../../../renderer/src/experiment/seeds';

describe('seedsFor', () => {
  it('uses the configuration seed alone in single mode', () => {
    expect(seedsFor('single', 5, 'junk')).toEqual({ ok: true, seeds: null });
  });

  it('counts 1..N', () => {
    expect(seedsFor('count', 3, '')).toEqual({ ok: true, seeds: [1, 2, 3] });
    expect(seedsFor('count', 0, '').ok).toBe(false);
    expect(seedsFor('count', 2.5, '').ok).toBe(false);
    expect(seedsFor('count', NaN, '').ok).toBe(false);
  });

  it('reads a list of distinct whole numbers', () => {
    expect(seedsFor('list', 0, ' 7, 0 ,42,')).toEqual({ ok: true, seeds: [7, 0, 42] });
    expect(seedsFor('list', 0, '1, 1')).toEqual({ ok: false, message: 'Seed 1 is given twice.' });
    expect(seedsFor('list', 0, '1, -2').ok).toBe(false);
    expect(seedsFor('list', 0, '1.5').ok).toBe(false);
    expect(seedsFor('list', 0, String(2 ** 32)).ok).toBe(false);
    expect(seedsFor('list', 0, ' ').ok).toBe(false);
  });
});
