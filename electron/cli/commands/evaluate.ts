// `lab eval`: a model's loss, accuracy and confusion matrix on a dataset.

import { basename } from 'node:path';
import { evaluate } from '../../../core/model/evaluate';
import { loadData, loadModel, missingPolicy } from '../dataInput';
import { prepareForModel } from '../modelData';
import { formatNumber, formatPercent, formatTable, printJson, printLines } from '../output';

export async function evalCommand(options: {
  model: string;
  data: string;
  missing?: string;
  json?: boolean;
}): Promise<void> {
  const model = await loadModel(options.model);
  const source = await loadData(options.data, { missing: missingPolicy(options.missing), pairTest: false });
  const dataset = prepareForModel(model, source.train, basename(options.data));
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
