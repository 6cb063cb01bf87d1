// `lab inspect`: the shape of a dataset (and of its test set).

import type { DatasetSummary } from '../../../core/data/datasetSummary';
import { summarizeDataset } from '../../../core/data/datasetSummary';
import { datasetFingerprint } from '../../../core/data/fingerprint';
import { datasetFormat, loadData, missingPolicy } from '../dataInput';
import { formatTable, printJson, printLines } from '../output';

type Described = DatasetSummary & { fingerprint: string; missingValues: number; source: string };

export async function inspectCommand(options: {
  data: string;
  test?: string;
  missing?: string;
  format?: string;
  json?: boolean;
}): Promise<void> {
  const source = await loadData(options.data, {
    test: options.test,
    missing: missingPolicy(options.missing),
    format: datasetFormat(options.format),
  });
  const train: Described = {
    ...summarizeDataset(source.train),
    fingerprint: datasetFingerprint(source.train),
    missingValues: source.missingValues.train,
    source: source.sources[0],
  };
  const test: Described | null = source.test
    ? {
        ...summarizeDataset(source.test),
        fingerprint: datasetFingerprint(source.test),
        missingValues: source.missingValues.test,
        source: source.sources[1] ?? source.sources[0],
      }
    : null;
  if (options.json) {
    printJson({ format: source.format, sources: source.sources, ...train, test });
    return;
  }
  const describe = (title: string, s: Described): string[] => [
    title,
    `  file         ${s.source}`,
    `  sequences    ${s.sequences}`,
    `  features     ${s.features}`,
    `  length       ${s.equalLength ? `${s.minLength} (all equal)` : `${s.minLength} to ${s.maxLength}`}`,
    `  missing      ${s.missingValues === 0 ? 'none' : `${s.missingValues} values filled`}`,
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
