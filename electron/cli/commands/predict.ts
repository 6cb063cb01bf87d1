// `lab predict`: the class and the class probabilities of every sequence.

import { predict } from '../../../core/model/evaluate';
import type { ModelDataOptions } from '../modelData';
import { loadModelAndData } from '../modelData';
import { formatTable, printJson, printLines } from '../output';

export async function predictCommand(options: ModelDataOptions): Promise<void> {
  const { model, dataset } = await loadModelAndData(options);
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
