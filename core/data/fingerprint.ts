// A content hash of a parsed dataset, recorded with every run: the same data gives the same
// fingerprint whichever file format it came from, and the dataset's name does not count.

import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Dataset } from './dataset';

/**
 * Hex sha256 of a canonical encoding, all integers uint32 and all floats float64, both
 * little-endian: a version tag, numFeatures, the class count and each class label
 * (length-prefixed UTF-8, in order), the sequence count, then per sequence its label string,
 * its length T_i and its T_i * N values. -0 is written as 0, since text formats need not
 * keep the sign of zero.
 */
export function datasetFingerprint(dataset: Dataset): string {
  const hash = sha256.create();
  const uint32 = (value: number): void => {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, value, true);
    hash.update(bytes);
  };
  const text = (value: string): void => {
    const bytes = utf8ToBytes(value);
    uint32(bytes.length);
    hash.update(bytes);
  };
  text('rnn-lab/dataset/v1');
  uint32(dataset.numFeatures);
  uint32(dataset.classLabels.length);
  for (const label of dataset.classLabels) text(label);
  uint32(dataset.sequences.length);
  for (let i = 0; i < dataset.sequences.length; i++) {
    const values = dataset.sequences[i];
    text(dataset.classLabels[dataset.labels[i]]);
    uint32(values.length / dataset.numFeatures);
    const bytes = new Uint8Array(values.length * 8);
    const view = new DataView(bytes.buffer);
    for (let k = 0; k < values.length; k++) view.setFloat64(k * 8, values[k] + 0, true);
    hash.update(bytes);
  }
  return bytesToHex(hash.digest());
}
