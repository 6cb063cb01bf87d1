// The dataset fingerprint: stable for the same data from any source, sensitive to every value,
// label and the class order, blind to the name.

import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { Dataset } from '../../../core/data/dataset';
import { datasetFingerprint } from '../../../core/data/fingerprint';
import { parseDatasetJson, serializeDatasetJson } from '../../../core/data/datasetJson';

function makeDataset(): Dataset {
  return {
    name: 'fp',
    numFeatures: 2,
    classLabels: ['no', 'yes'],
    sequences: [Float64Array.from([0.5, -1, 2, 3]), Float64Array.from([7, 8])],
    labels: Int32Array.from([1, 0]),
  };
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

describe('datasetFingerprint', () => {
  it('is a hex sha256', () => {
    expect(datasetFingerprint(makeDataset())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches the documented encoding', () => {
    const bytes: number[] = [];
    const u32 = (v: number) => bytes.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24);
    const text = (s: string) => {
      const encoded = new TextEncoder().encode(s);
      u32(encoded.length);
      bytes.push(...encoded);
    };
    const f64 = (x: number) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, x, true);
      bytes.push(...new Uint8Array(view.buffer));
    };
    text('rnn-lab/dataset/v1');
    u32(2);
    u32(2);
    text('no');
    text('yes');
    u32(2);
    text('yes');
    u32(2);
    [0.5, -1, 2, 3].forEach(f64);
    text('no');
    u32(1);
    [7, 8].forEach(f64);
    expect(datasetFingerprint(makeDataset())).toBe(bytesToHex(sha256(Uint8Array.from(bytes))));
  });

  it('is stable, ignores the name and survives a JSON round trip', async () => {
    const d = makeDataset();
    const parsed = await parseDatasetJson(once(serializeDatasetJson(d)), 'x.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(datasetFingerprint(parsed.value)).toBe(datasetFingerprint(d));
    expect(datasetFingerprint({ ...d, name: 'another name' })).toBe(datasetFingerprint(d));
  });

  it('does not tell -0 from 0', () => {
    const d = makeDataset();
    const negative = makeDataset();
    d.sequences[1][0] = 0;
    negative.sequences[1][0] = -0;
    expect(datasetFingerprint(negative)).toBe(datasetFingerprint(d));
  });

  it('changes with a value, a label, the class order, the lengths or the width', () => {
    const base = datasetFingerprint(makeDataset());
    const value = makeDataset();
    value.sequences[0][3] = 3 + 1e-12;
    const label = makeDataset();
    label.labels[0] = 0;
    const swapped = makeDataset();
    swapped.classLabels = ['yes', 'no'];
    swapped.labels = Int32Array.from([0, 1]); // the same label strings, another class order
    const split = makeDataset();
    split.sequences = [Float64Array.from([0.5, -1]), Float64Array.from([2, 3, 7, 8])];
    const width = { ...makeDataset(), numFeatures: 1 };
    const renamed = makeDataset();
    renamed.classLabels = ['no', 'Yes'];
    const fingerprints = [value, label, swapped, split, width, renamed].map(datasetFingerprint);
    for (const fp of fingerprints) expect(fp).not.toBe(base);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });
});
