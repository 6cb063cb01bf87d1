// A small seeded random number generator (xoshiro128**, seeded through splitmix32), so the
// same seed gives bit-identical weights, splits, shuffles and synthetic data everywhere:
// in Node, in the trainer process and in the browser.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform in [low, high). */
  uniform(low: number, high: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Shuffles in place (Fisher-Yates). */
  shuffle<T>(items: T[]): T[];
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A generator for one purpose ("init", "shuffle", "split", ...) derived from the run's seed,
 * so that changing how many numbers one purpose draws never shifts another's.
 */
export function createRng(seed: number, stream = ''): Rng {
  const seeder = splitmix32((Math.floor(seed) ^ hashString(stream)) >>> 0);
  let a = seeder();
  let b = seeder();
  let c = seeder();
  let d = seeder();
  if ((a | b | c | d) === 0) a = 1;
  let spare: number | null = null;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };

  const rng: Rng = {
    next: () => nextUint32() / 4294967296,
    int: (n) => Math.floor(rng.next() * n),
    uniform: (low, high) => low + (high - low) * rng.next(),
    normal: () => {
      if (spare !== null) {
        const value = spare;
        spare = null;
        return value;
      }
      let u = 0;
      while (u === 0) u = rng.next();
      const v = rng.next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
