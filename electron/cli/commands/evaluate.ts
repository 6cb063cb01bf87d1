// `lab eval`: a model's loss, accuracy and confusion matrix on a dataset.

import { evaluate } from '../../../core/model/evaluate';
import type { ModelDataOptions } from '../modelData';
import { loadModelAndData } from '../modelData';
import { formatNumber, formatPercent, formatTable, printJson, printLines } from '../output';

export async function evalCommand(options: ModelDataOptions): Promise<void> {
  const { model, dataset } = await loadModelAndData(options);
  const result = evaluate(model.params, dataset);
  if (options.json) {
    printJson({
      sequences: result.count,
      loss: result.loss,
      accuracy: result.accuracy,
      classLabels: model.classLabels,
      confusion: result.confusion,
    });
    return;
  }
  printLines([
    `sequences  ${result.count}`,
    `loss       ${formatNumber(result.loss)}`,
    `accuracy   ${formatPercent(result.accuracy)}`,
    '',
    'confusion (rows: actual, columns: predicted)',
    ...formatTable(
      ['', ...model.classLabels],
      result.confusion.map((row, k) => [model.classLabels[k], ...row.map(String)]),
    ),
  ]);
}
