// With the default settings the built-in tasks are learned (issue: the RNN core).
// Each trains a real network for tens of seconds; they run in parallel with the rest.

import { describe, expect, it } from 'vitest';
import type { BuiltinSpec } from '../../../core/data/synthetic/index';
import { generateBuiltin, parseBuiltinSpec } from '../../../core/data/synthetic/index';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { train } from '../../../core/train/trainLoop';

function spec(text: string): BuiltinSpec {
  const parsed = parseBuiltinSpec(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

async function testAccuracy(builtin: string): Promise<number> {
  const { train: trainSet, test } = generateBuiltin(spec(builtin));
  const result = await train({ config: defaultTrainConfig, train: trainSet, test });
  expect(result.status).toBe('completed');
  return result.testAccuracy ?? 0;
}

describe('learning with the default settings', () => {
  it('temporal-order at T = 20 reaches 95 % test accuracy', async () => {
    expect(await testAccuracy('builtin:temporal-order?T=20')).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  it('random-permutation at T = 10 reaches 95 % test accuracy', async () => {
    expect(await testAccuracy('builtin:random-permutation?T=10')).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  it('waveforms reach 90 % test accuracy', async () => {
    expect(await testAccuracy('builtin:waveforms?n=800')).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});
