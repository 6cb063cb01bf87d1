// The header of an ARFF file: @relation, the @attribute lines (a relational attribute's
// inner attributes up to its @end) and @data, read line by line into an ArffHeader.

import type { DataErrorCode, DataFailure, DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import { skipSpace } from '../charCodes';
import { readWord, scanQuotes, splitValues } from './arffQuoting';
import { showToken } from './tokens';

export type AttributeType = 'numeric' | 'nominal' | 'string' | 'date' | 'relational';

export interface Attribute {
  name: string;
  type: AttributeType;
  line: number;
  /** A nominal attribute's declared values. */
  values: string[];
  /** A relational attribute's inner attributes. */
  inner: Attribute[];
}

export interface ArffHeader {
  relation: string | null;
  attributes: Attribute[];
  /** The relational attribute whose inner attributes are being declared, until its @end. */
  open: Attribute | null;
}

/** Reads one header line into `header`: null to go on, 'data' at @data, or the failure. */
export function readHeaderLine(
  text: string,
  line: number,
  header: ArffHeader,
  file: string,
): DataFailure | 'data' | null {
  const end = scanQuotes(text, 0, '', true).end;
  const start = skipSpace(text, 0, end);
  if (start === end) return null;
  const fail = (message: string, at = start): DataFailure =>
    dataFailure('bad-field', file, message, { line, column: at + 1 });
  const keyword = /^@([A-Za-z]+)/.exec(text.slice(start, end));
  if (keyword === null) {
    const found = showToken(text.slice(start, end));
    return fail(`found ${found} before @data; expected a header line: @relation, @attribute or @data`);
  }
  const after = start + keyword[0].length;
  const word = readWord(text, after, end);
  if (word !== null && 'unterminated' in word) {
    return fail(
      `the quoted name is never closed; expected a closing ${text[word.unterminated]}`,
      word.unterminated,
    );
  }
  switch (keyword[1].toLowerCase()) {
    case 'relation':
      header.relation ??= word === null ? null : word.value;
      return null;
    case 'attribute': {
      if (word === null) return fail('@attribute has no name; expected @attribute NAME TYPE');
      const attribute = readAttributeType(text, word.next, end, word.value, line, file);
      if (!attribute.ok) return attribute;
      return addAttribute(attribute.value, header, fail);
    }
    case 'end': {
      const open = header.open;
      if (open === null) return fail('@end without a relational attribute to close');
      if (word !== null && word.value !== open.name) {
        return fail(
          `@end ${word.value} does not match ${showToken(open.name)} (line ${open.line}); expected @end ${open.name}`,
        );
      }
      header.open = null;
      return null;
    }
    case 'data':
      if (header.open !== null) {
        const { name, line: opened } = header.open;
        return fail(
          `the relational attribute ${showToken(name)} (line ${opened}) is not closed; expected @end ${name} before @data`,
        );
      }
      return 'data';
    default:
      return fail(`unknown keyword ${showToken(keyword[0])}; expected @relation, @attribute, @end or @data`);
  }
}

function addAttribute(
  attribute: Attribute,
  header: ArffHeader,
  fail: (message: string) => DataFailure,
): null | DataFailure {
  if (header.open === null) {
    header.attributes.push(attribute);
    if (attribute.type === 'relational') header.open = attribute;
    return null;
  }
  if (attribute.type === 'relational') {
    return fail(
      `a relational attribute inside ${showToken(header.open.name)} is not supported; expected numeric inner attributes`,
    );
  }
  header.open.inner.push(attribute);
  return null;
}

const TYPES = new Map<string, AttributeType>([
  ['numeric', 'numeric'],
  ['real', 'numeric'],
  ['integer', 'numeric'],
  ['string', 'string'],
  ['date', 'date'],
  ['relational', 'relational'],
]);

function readAttributeType(
  text: string,
  from: number,
  end: number,
  name: string,
  line: number,
  file: string,
): DataResult<Attribute> {
  const start = skipSpace(text, from, end);
  const fail = (message: string, at = start, code: DataErrorCode = 'bad-field'): DataFailure =>
    dataFailure(code, file, message, { line, column: at + 1 });
  const attribute: Attribute = { name, type: 'numeric', line, values: [], inner: [] };
  if (start === end) {
    return fail(
      `@attribute ${name} has no type; expected numeric, a nominal list like {a,b,c}, or relational`,
    );
  }
  if (text[start] !== '{') {
    const word = /^[A-Za-z]*/.exec(text.slice(start, end))?.[0] ?? '';
    const type = TYPES.get(word.toLowerCase());
    if (type === undefined) {
      const found = showToken(text.slice(start, end).trim());
      return fail(
        `@attribute ${name} has the type ${found}; expected numeric, real, integer, a nominal list like {a,b,c}, string, date or relational`,
      );
    }
    attribute.type = type;
    return { ok: true, value: attribute };
  }
  const close = text.lastIndexOf('}', end - 1);
  if (close < start) return fail(`the nominal list of ${name} is not closed; expected a closing }`);
  const split = splitValues(text, start + 1, close);
  if (!split.ok) return fail(split.reason, split.at);
  const seen = new Set<string>();
  for (const token of split.tokens) {
    if (token.text === '' && !token.quoted) {
      return fail(
        `the nominal list of ${name} has an empty value; expected values separated by commas, like {a,b,c}`,
        token.start,
      );
    }
    if (seen.has(token.text)) {
      return fail(
        `the nominal list of ${name} repeats ${showToken(token.text)}; expected each value once`,
        token.start,
        'duplicate-label',
      );
    }
    seen.add(token.text);
  }
  attribute.type = 'nominal';
  attribute.values = [...seen];
  return { ok: true, value: attribute };
}
