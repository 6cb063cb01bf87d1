// `lab grad`: in float64, the mean loss over a dataset, every sequence's logits, and the
// gradient of that loss for every parameter, in the model JSON's nested layout. It is what
// another framework's autograd is compared with.

import { makeBatch } from '../../../core/model/batch';
import { modelToJson } from '../../../core/model/modelJson';
import { createWorkspace, lossAndGradient } from '../../../core/model/network';
import type { ModelDataOptions } from '../modelData';
import { loadModelAndData } from '../modelData';
import { printJson, printLines } from '../output';

const CHUNK = 256;

export async function gradCommand(options: ModelDataOptions): Promise<void> {
  const { model, dataset } = await loadModelAndData(options);
  const total = dataset.sequences.length;
  const ws = createWorkspace(model.arch, 'float64');
  const grads = new Float64Array(model.params.layout.size);
  const chunkGrads = new Float64Array(model.params.layout.size);
  const K = model.arch.numClasses;
  const logits = new Array<number[]>(total);
  let loss = 0;
  // In chunks, so memory stays bounded; each chunk's mean is weighted by its share.
  for (let from = 0; from < total; from += CHUNK) {
    const indices = Array.from({ length: Math.min(CHUNK, total - from) }, (_, i) => from + i);
    const batch = makeBatch(dataset, indices, 'float64');
    const weight = batch.size / total;
    loss += weight * lossAndGradient(model.params, batch, ws, chunkGrads, 0).loss;
    for (let i = 0; i < grads.length; i++) grads[i] += weight * chunkGrads[i];
    for (let r = 0; r < batch.size; r++) {
      logits[indices[batch.order[r]]] = Array.from(ws.logits.subarray(r * K, (r + 1) * K));
    }
  }
  const nested = modelToJson(
    { layout: model.params.layout, values: grads },
    { classLabels: model.classLabels, normalization: null, training: {} },
  );
  const document = { loss, logits, grads: { layers: nested.layers, head: nested.head } };
  if (options.json) {
    printJson(document);
    return;
  }
  printLines([
    `loss ${loss}`,
    ...model.params.layout.tensors.map((spec) => {
      let sq = 0;
      for (let i = spec.offset; i < spec.offset + spec.size; i++) sq += grads[i] * grads[i];
      return `${spec.name.padEnd(12)} ${spec.rows}x${spec.cols}  |grad| ${Math.sqrt(sq).toExponential(6)}`;
    }),
  ]);
}
