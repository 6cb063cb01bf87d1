// Character tests on UTF-16 code units, for the hand-written scanners of the dataset formats
// and of JSON: a digit, and the white space skipped between tokens.

/** '0' to '9'. */
export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Space, tab, line feed or carriage return: JSON's white space, and ARFF's and .ts's. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** The first index in [from, to) that is not white space, else `to`. */
export function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The end of text[from, to) without its trailing white space (at least `from`). */
export function trimSpaceEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
