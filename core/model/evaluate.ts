// Forward passes over a whole dataset, in length-sorted chunks so little is padded: the
// loss, accuracy and confusion matrix, and per-sequence probabilities for prediction.

import type { Dataset } from '../data/dataset';
import { precisionOf } from '../numeric';
import { makeBatch } from './batch';
import { crossEntropySum } from './head';
import type { NetworkWorkspace } from './network';
import { argmax, createWorkspace, forward } from './network';
import type { Parameters } from './parameters';
import { WasmNetwork } from './wasmNetwork';

export interface Evaluation {
  /** Mean cross-entropy (no L2 term). */
  loss: number;
  accuracy: number;
  /** confusion[actual][predicted]. */
  confusion: number[][];
  count: number;
}

export interface Prediction {
  predicted: number;
  probabilities: number[];
  logits: number[];
}

const CHUNK = 256;

function chunksByLength(dataset: Dataset, indices: ArrayLike<number>): number[][] {
  const sorted = Array.from(indices).sort(
    (a, b) => dataset.sequences[b].length - dataset.sequences[a].length || a - b,
  );
  const chunks: number[][] = [];
  for (let i = 0; i < sorted.length; i += CHUNK) chunks.push(sorted.slice(i, i + CHUNK));
  return chunks;
}

function allIndices(dataset: Dataset): number[] {
  return Array.from({ length: dataset.sequences.length }, (_, i) => i);
}

export function evaluate(
  params: Parameters,
  dataset: Dataset,
  indices: ArrayLike<number> = allIndices(dataset),
  ws: NetworkWorkspace | WasmNetwork = createWorkspace(params.layout.arch, precisionOf(params.values)),
): Evaluation {
  const K = params.layout.arch.numClasses;
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let lossSum = 0;
  let correct = 0;
  for (const chunk of chunksByLength(dataset, indices)) {
    const batch = makeBatch(dataset, chunk, ws.precision);
    if (ws instanceof WasmNetwork) ws.forward(params, batch);
    else forward(params, batch, ws);
    lossSum += crossEntropySum(ws.logits, batch.targets, batch.size, K);
    for (let r = 0; r < batch.size; r++) {
      const predicted = argmax(ws.logits, r * K, K);
      confusion[batch.targets[r]][predicted]++;
      if (predicted === batch.targets[r]) correct++;
    }
  }
  const count = indices.length;
  return { loss: count ? lossSum / count : NaN, accuracy: count ? correct / count : NaN, confusion, count };
}

/** Class probabilities of every sequence, in the dataset's order. Labels are not needed. */
export function predict(params: Parameters, dataset: Dataset): Prediction[] {
  const ws = createWorkspace(params.layout.arch, precisionOf(params.values));
  const K = params.layout.arch.numClasses;
  const out = new Array<Prediction>(dataset.sequences.length);
  for (const chunk of chunksByLength(dataset, allIndices(dataset))) {
    const batch = makeBatch(dataset, chunk, ws.precision);
    forward(params, batch, ws);
    for (let r = 0; r < batch.size; r++) {
      const logits = Array.from(ws.logits.subarray(r * K, (r + 1) * K));
      const probabilities = Array.from(ws.probs.subarray(r * K, (r + 1) * K));
      out[chunk[batch.order[r]]] = { predicted: argmax(logits, 0, K), probabilities, logits };
    }
  }
  return out;
}
