// One cell of a delimited line as a number, the same way in the wide UCR form and the long
// CSV: what Number() reads, less what it reads that is not a data value, and why a cell that
// is not a finite number is refused or taken for a missing value.

import { isInfinityWord, isRadixLiteral } from './decimal';

export type CellProblem = 'missing' | 'non-numeric' | 'non-finite';

/**
 * Whether x = Number(cell) is the cell's value: finite, not a blank cell (Number('') and
 * Number('  ') are 0) and not a hex, octal or binary literal ("0x1f").
 */
export function isNumberCell(cell: string, x: number): boolean {
  return x - x === 0 && (x !== 0 || cell.trim() !== '') && !isRadixLiteral(cell);
}

/** The cell's number, or why it is not one. */
export function readNumberCell(cell: string): number | CellProblem {
  const x = Number(cell);
  return isNumberCell(cell, x) ? x : cellProblem(cell);
}

/** Why a cell that is not a finite number is not one; empty, NaN and NA cells are missing values. */
export function cellProblem(cell: string): CellProblem {
  const t = cell.trim().toLowerCase();
  if (t === '' || t === 'nan' || t === 'na') return 'missing';
  if (isInfinityWord(t) || Number(t) === Infinity || Number(t) === -Infinity) return 'non-finite';
  return 'non-numeric';
}

/** A cell for a message: trimmed and JSON-quoted, or "an empty cell". */
export function showCell(cell: string): string {
  const shown = JSON.stringify(cell.trim());
  return shown === '""' ? 'an empty cell' : shown;
}
