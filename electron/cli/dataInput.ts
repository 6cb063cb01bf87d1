// Loading data and models for the commands, turning error values into CLI errors.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatDataError } from '../../core/data/dataError';
import type { LoadedModel } from '../../core/model/modelJson';
import { formatModelJsonError, parseModelJsonText } from '../../core/model/modelJsonText';
import type { DatasetFormat, MissingPolicy } from '../../core/data/formats/parserTypes';
import type { DataSource, SourceOptions } from '../data/dataSource';
import { loadDataSource } from '../data/dataSource';
import { inputError, usageError } from './cliError';

const policies: MissingPolicy[] = ['refuse', 'forward', 'zero'];

export function missingPolicy(flag: string | undefined): MissingPolicy {
  if (flag === undefined) return 'refuse';
  if (!policies.includes(flag as MissingPolicy)) {
    throw usageError(`--missing: "${flag}" is not one of ${policies.join(', ')}`);
  }
  return flag as MissingPolicy;
}

const formats: DatasetFormat[] = ['ts', 'arff', 'ucr', 'long-csv', 'json'];

export function datasetFormat(flag: string | undefined): DatasetFormat | undefined {
  if (flag === undefined) return undefined;
  if (!formats.includes(flag as DatasetFormat)) {
    throw usageError(`--format: "${flag}" is not one of ${formats.join(', ')}`);
  }
  return flag as DatasetFormat;
}

export async function loadData(data: string, options: SourceOptions = {}): Promise<DataSource> {
  const result = await loadDataSource(data, options);
  if (!result.ok) throw inputError(formatDataError(result.error));
  return result.value;
}

export async function loadModel(path: string): Promise<LoadedModel> {
  const source = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw inputError(`${source}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  const result = parseModelJsonText(text, source);
  if (!result.ok) throw inputError(formatModelJsonError(result.error, source));
  return result.model;
}
