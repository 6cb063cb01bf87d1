// Loading data and models for the commands, turning error values into CLI errors.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatDataError } from '../../core/data/dataError';
import type { LoadedModel } from '../../core/model/modelJson';
import { formatModelJsonError, parseModelJsonText } from '../../core/model/modelJsonText';
import type { DataSource } from '../data/dataSource';
import { loadDataSource } from '../data/dataSource';
import { inputError } from './cliError';

export async function loadData(data: string, testPath?: string): Promise<DataSource> {
  const result = await loadDataSource(data, testPath);
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
