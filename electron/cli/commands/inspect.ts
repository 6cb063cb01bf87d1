// `lab inspect`: the shape of a dataset (and of its test set).

import type { DatasetSummary } from '../../../core/data/datasetSummary';
import { summarizeDataset } from '../../../core/data/datasetSummary';
import { datasetFingerprint } from '../../../core/data/fingerprint';
import { loadData } from '../dataInput';
import { formatTable, printJson, printLines } from '../output';

export async function inspectCommand(options: {
  data: string;
  test?: string;
  json?: boolean;
}): Promise<void> {
  const source = await loadData(options.data, options.test);
  const train = { ...summarizeDataset(source.train), fingerprint: datasetFingerprint(source.train) };
  const test = source.test
    ? { ...summarizeDataset(source.test), fingerprint: datasetFingerprint(source.test) }
    : null;
  if (options.json) {
    printJson({ format: source.format, sources: source.sources, ...train, test });
    return;
  }
  const describe = (title: string, s: DatasetSummary & { fingerprint: string }): string[] => [
    `${title}`,
    `  sequences    ${s.sequences}`,
    `  features     ${s.features}`,
    `  length       ${s.equalLength ? `${s.minLength} (all equal)` : `${s.minLength} to ${s.maxLength}`}`,
    `  fingerprint  ${s.fingerprint}`,
    `  classes      ${s.classes.length}`,
    ...formatTable(
      ['    label', 'count'],
      s.classes.map((c) => [`    ${c.label}`, String(c.count)]),
    ),
  ];
  printLines([
    `format  ${source.format}`,
    ...describe(`train: ${train.name}`, train),
    ...(test ? describe(`test: ${test.name}`, test) : []),
  ]);
}
