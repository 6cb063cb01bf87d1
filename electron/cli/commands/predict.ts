// `lab predict`: the class and the class probabilities of every sequence.

import { basename } from 'node:path';
import { predict } from '../../../core/model/evaluate';
import { loadData, loadModel, missingPolicy } from '../dataInput';
import { prepareForModel } from '../modelData';
import { formatTable, printJson, printLines } from '../output';

export async function predictCommand(options: {
  model: string;
  data: string;
  missing?: string;
  json?: boolean;
}): Promise<void> {
  const model = await loadModel(options.model);
  const source = await loadData(options.data, { missing: missingPolicy(options.missing), pairTest: false });
  const dataset = prepareForModel(model, source.train, basename(options.data));
  const predictions = predict(model.params, dataset).map((p, i) => ({
    index: i,
    length: dataset.sequences[i].length / dataset.numFeatures,
    predicted: model.classLabels[p.predicted],
    actual: dataset.classLabels[dataset.labels[i]],
    probabilities: Object.fromEntries(model.classLabels.map((label, k) => [label, p.probabilities[k]])),
  }));
  if (options.json) {
    printJson({ classLabels: model.classLabels, predictions });
    return;
  }
  printLines(
    formatTable(
      ['#', 'length', 'predicted', 'actual', ...model.classLabels.map((l) => `p(${l})`)],
      predictions.map((p) => [
        String(p.index),
        String(p.length),
        p.predicted,
        p.actual,
        ...model.classLabels.map((l) => p.probabilities[l].toFixed(4)),
      ]),
    ),
  );
}
