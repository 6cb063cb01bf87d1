// What an ARFF header's attributes mean for the rows, decided at @data: which attribute is
// the class, and whether the sequence is one numeric attribute per time step (univariate) or
// one relational attribute (multivariate).

import type { DataFailure, DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import type { ArffHeader, Attribute } from './arffHeader';
import { showToken } from './tokens';

export interface Layout {
  attributes: Attribute[];
  classIndex: number;
  classes: Set<string>;
  /** The relational attribute's index when multivariate, else -1. */
  relational: number;
  /** Univariate: the indices of the time-step attributes, in order. */
  steps: number[];
}

/** Checks the attributes at @data and finds the class, the time steps or the relational one. */
export function planLayout(header: ArffHeader, line: number, file: string): DataResult<Layout> {
  const attributes = header.attributes;
  const steps = 'one numeric attribute per time step';
  if (attributes.length === 0) {
    return dataFailure(
      'missing-field',
      file,
      `there are no @attribute lines before @data; expected ${steps} and a nominal class`,
      { line },
    );
  }
  let classIndex = attributes.length - 1;
  for (let a = 0; a < attributes.length; a++) {
    if (/^(class|target)$/i.test(attributes[a].name)) classIndex = a;
  }
  const classAttribute = attributes[classIndex];
  if (classAttribute.type !== 'nominal') {
    return dataFailure(
      'missing-field',
      file,
      `no class attribute: the class is the attribute named class or target, else the last one, and ${showToken(classAttribute.name)} is ${classAttribute.type}; expected a nominal attribute listing the classes, like @attribute class {a,b,c}`,
      { line: classAttribute.line },
    );
  }
  const badType = (a: Attribute, what: string): DataFailure =>
    dataFailure('bad-field', file, `the attribute ${showToken(a.name)} is ${a.type}; expected ${what}`, {
      line: a.line,
    });
  const relationals = attributes.filter((a) => a.type === 'relational');
  const layout: Layout = {
    attributes,
    classIndex,
    classes: new Set(classAttribute.values),
    relational: -1,
    steps: [],
  };
  if (relationals.length > 1) {
    return badType(relationals[1], 'a single relational attribute (several are not supported)');
  }
  if (relationals.length === 1) {
    const relational = relationals[0];
    const other = attributes.find((a) => a !== relational && a !== classAttribute);
    if (other !== undefined)
      return badType(other, `only the relational attribute ${showToken(relational.name)} and the class`);
    if (relational.inner.length === 0) {
      return dataFailure(
        'no-features',
        file,
        `the relational attribute ${showToken(relational.name)} declares no inner attributes; expected ${steps}`,
        { line: relational.line },
      );
    }
    const inner = relational.inner.find((a) => a.type !== 'numeric');
    if (inner !== undefined) return badType(inner, `numeric, real or integer (${steps})`);
    layout.relational = attributes.indexOf(relational);
    return { ok: true, value: layout };
  }
  for (let a = 0; a < attributes.length; a++) {
    if (a === classIndex) continue;
    if (attributes[a].type !== 'numeric')
      return badType(attributes[a], `numeric, real or integer (${steps})`);
    layout.steps.push(a);
  }
  if (layout.steps.length === 0) {
    return dataFailure(
      'no-features',
      file,
      `there is only the class attribute; expected ${steps} before it`,
      { line },
    );
  }
  return { ok: true, value: layout };
}
