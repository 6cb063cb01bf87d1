// Writing a model file for the commands.

import { writeFile } from 'node:fs/promises';
import { inputError } from './cliError';

export async function writeModelFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw inputError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}
