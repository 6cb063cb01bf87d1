// The archive ships each dataset as NAME_TRAIN.ext and NAME_TEST.ext: such a pair is one
// dataset with its own test split.

import { baseNameOf } from './datasetName';

export interface FilePair {
  train: string;
  test: string | null;
}

const SPLIT = /^(.*)_(TRAIN|TEST)(\.[^./\\]+)?$/i;

/** NAME and split of a NAME_TRAIN.ext / NAME_TEST.ext file name, or null. */
export function splitOf(path: string): { name: string; split: 'train' | 'test' } | null {
  const match = SPLIT.exec(baseNameOf(path));
  if (!match) return null;
  return { name: match[1], split: match[2].toUpperCase() === 'TRAIN' ? 'train' : 'test' };
}

/** The test file's name that goes with a training file's, or null when it has no _TRAIN. */
export function testPartnerOf(path: string): string | null {
  const match = /_TRAIN(\.[^./\\]+)?$/i.exec(path);
  if (!match) return null;
  const suffix = match[0].startsWith('_TRAIN') ? '_TEST' : '_test';
  return `${path.slice(0, match.index)}${suffix}${match[1] ?? ''}`;
}

/**
 * Groups files into datasets: NAME_TRAIN.x with NAME_TEST.x (same NAME and extension) is one
 * pair; every other file stands alone. A lone _TEST file stands alone as training data.
 */
export function pairTrainTestFiles(paths: readonly string[]): FilePair[] {
  const pairs: FilePair[] = [];
  const used = new Set<string>();
  const key = (p: string, split: string): string => {
    const s = splitOf(p);
    const ext = baseNameOf(p).slice(baseNameOf(p).lastIndexOf('.')).toLowerCase();
    return s && s.split === split ? `${s.name.toLowerCase()}${ext}` : '';
  };
  for (const train of paths) {
    if (used.has(train) || splitOf(train)?.split !== 'train') continue;
    const test = paths.find(
      (p) => !used.has(p) && key(p, 'test') !== '' && key(p, 'test') === key(train, 'train'),
    );
    used.add(train);
    if (test) used.add(test);
    pairs.push({ train, test: test ?? null });
  }
  for (const path of paths) if (!used.has(path)) pairs.push({ train: path, test: null });
  return pairs;
}
