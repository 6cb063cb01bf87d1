// Writing results: one JSON document on stdout with --json, readable text otherwise.

export function printJson(document: unknown): void {
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function formatPercent(value: number | null): string {
  return value === null || Number.isNaN(value) ? '-' : `${(100 * value).toFixed(2)} %`;
}

export function formatNumber(value: number | null, digits = 4): string {
  return value === null ? '-' : Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** A plain text table with left-aligned columns. */
export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
