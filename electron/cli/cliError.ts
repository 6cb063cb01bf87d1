// How a command fails: exit 2 for a usage error, 1 for bad data or a bad model.

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export const usageError = (message: string): CliError => new CliError(message, 2);
export const inputError = (message: string): CliError => new CliError(message, 1);
