// "Repeat over N seeds": the whole grid once per seed, the seeds 1..N or a list the user types.

export type SeedMode = 'single' | 'count' | 'list';

export type SeedsResult = { ok: true; seeds: number[] | null } | { ok: false; message: string };

const MAX_SEED = 2 ** 32 - 1;

/**
 * The seeds the host repeats the grid over, or null for none (the configuration's own seed
 * is used): 'count' gives 1..N, 'list' the distinct whole numbers typed, comma-separated.
 */
export function seedsFor(mode: SeedMode, count: number, listText: string): SeedsResult {
  if (mode === 'single') return { ok: true, seeds: null };
  if (mode === 'count') {
    if (!Number.isInteger(count) || count < 1)
      return { ok: false, message: 'Enter a whole number, 1 or more.' };
    if (count > 1000) return { ok: false, message: 'At most 1000 seeds.' };
    return { ok: true, seeds: Array.from({ length: count }, (_, i) => i + 1) };
  }
  const parts = listText
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return { ok: false, message: 'Give at least one seed, e.g. 1, 2, 3.' };
  const seeds: number[] = [];
  for (const part of parts) {
    const seed = Number(part);
    if (!/^\d+$/.test(part) || seed > MAX_SEED) {
      return {
        ok: false,
        message: `"${part}" is not a seed: seeds are whole numbers from 0 to ${MAX_SEED}.`,
      };
    }
    if (seeds.includes(seed)) return { ok: false, message: `Seed ${seed} is given twice.` };
    seeds.push(seed);
  }
  return { ok: true, seeds };
}
