// Numbers as the text formats write them: a fast reader for the common decimal token, the
// things Number() reads that are not data values (hex, octal and binary literals, a blank
// cell) or names wrongly (inf), and why a delimited cell (wide UCR, long CSV) is not a number.

const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Clinger's fast path for the common token text[a, b): at most 15 digits (so the integer is
 * exact) and a net power of ten up to 22 (exact too), joined by one correctly rounded multiply
 * or divide, which is exactly what Number() gives, without slicing a string per value.
 * NaN: use Number().
 */
export function fastDecimal(text: string, a: number, b: number): number {
  let i = a;
  const sign = text.charCodeAt(i);
  if (sign === 0x2d || sign === 0x2b) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < b; i++) {
    const c = text.charCodeAt(i);
    // Not isDigit: this loop runs once per character of a file, and a call into another module
    // goes through a getter under tsx's CommonJS output, which made .ts parsing twice as slow.
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2e && fraction < 0) {
      fraction = digits;
    } else {
      break;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  let exponent = fraction < 0 ? 0 : fraction - digits;
  if (i < b) {
    if ((text.charCodeAt(i) | 0x20) !== 0x65) return NaN;
    i++;
    const expSign = text.charCodeAt(i);
    if (expSign === 0x2d || expSign === 0x2b) i++;
    if (i === b || b - i > 3) return NaN;
    let e = 0;
    for (; i < b; i++) {
      const c = text.charCodeAt(i) - 0x30;
      if (c < 0 || c > 9) return NaN;
      e = e * 10 + c;
    }
    exponent += expSign === 0x2d ? -e : e;
  }
  if (exponent < -22 || exponent > 22) return NaN;
  const x =
    exponent < 0 ? mantissa / EXACT_POWERS_OF_TEN[-exponent] : mantissa * EXACT_POWERS_OF_TEN[exponent];
  return sign === 0x2d ? -x : x;
}

/** 0x, 0o or 0b (either case) at the start: a literal Number() reads ("0x1f" is 31) but data does not. */
export function isRadixLiteral(token: string): boolean {
  const c = token.charCodeAt(1) | 0x20;
  return token.charCodeAt(0) === 0x30 && (c === 0x78 || c === 0x6f || c === 0x62);
}

/** inf or infinity, signed or not, in any case: an infinite value, which Number() reads only as "Infinity". */
export function isInfinityWord(token: string): boolean {
  return /^[+-]?inf(inity)?$/i.test(token);
}

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
