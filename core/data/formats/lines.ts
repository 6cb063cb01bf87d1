// Lines from a stream of text chunks: a BOM at the start dropped, \r\n, \n and \r endings
// all ending a line, 1-based line numbers, and the byte limit enforced while reading, so a
// huge file is refused without ever being held whole.

import type { DataFailure } from '../dataError';
import { dataFailure } from '../dataError';

export interface Line {
  text: string;
  /** 1-based. */
  number: number;
}

export interface LineReader {
  lines: AsyncIterable<Line>;
  /** Set when reading stopped early (too large, or the stream failed); check after the loop. */
  failure(): DataFailure | null;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(2)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(2)} KiB`;
  return `${bytes} bytes`;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function readLines(chunks: AsyncIterable<string>, fileName: string, maxBytes: number): LineReader {
  let failure: DataFailure | null = null;
  async function* generate(): AsyncGenerator<Line> {
    let pending = '';
    let number = 0;
    let bytes = 0;
    let first = true;
    let skipLf = false;
    try {
      for await (let chunk of chunks) {
        bytes += utf8Length(chunk);
        if (bytes > maxBytes) {
          failure = dataFailure(
            'too-large',
            fileName,
            `the file is larger than the limit of ${formatBytes(maxBytes)}`,
          );
          return;
        }
        if (first && chunk.length > 0) {
          if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
          first = false;
        }
        let start = 0;
        for (let i = 0; i < chunk.length; i++) {
          const c = chunk.charCodeAt(i);
          if (skipLf) {
            skipLf = false;
            if (c === 10) {
              start = i + 1;
              continue;
            }
          }
          if (c === 10 || c === 13) {
            number++;
            yield { text: pending + chunk.slice(start, i), number };
            pending = '';
            start = i + 1;
            // A \r\n split across two chunks must not count as two line endings.
            if (c === 13) skipLf = true;
          }
        }
        pending += chunk.slice(start);
      }
    } catch (error) {
      failure = dataFailure(
        'read-error',
        fileName,
        `the file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    if (pending.length > 0) yield { text: pending, number: number + 1 };
  }
  return { lines: generate(), failure: () => failure };
}
