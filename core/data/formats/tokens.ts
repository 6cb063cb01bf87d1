// How a parser shows what it found in a file inside a message: a token or a cell, a list of
// values cut short, a count with its noun. A message must stay readable however long the
// offending text is.

/** A token for a message: JSON-quoted (or bare) and cut to its first 40 characters. */
export function showToken(text: string, quoted = true): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  return quoted ? JSON.stringify(short) : short;
}

/** The first `most` values JSON-quoted, then how many there are: `"a", "b", ... (12 classes)`. */
export function listShown(values: readonly string[], most: number, noun: string): string {
  const shown = values.slice(0, most).map((v) => JSON.stringify(v));
  return values.length > most ? `${shown.join(', ')}, ... (${values.length} ${noun})` : shown.join(', ');
}

/** `1 value`, `3 values`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A cell for a message: trimmed and JSON-quoted, or "an empty cell". */
export function showCell(cell: string): string {
  const shown = JSON.stringify(cell.trim());
  return shown === '""' ? 'an empty cell' : shown;
}
