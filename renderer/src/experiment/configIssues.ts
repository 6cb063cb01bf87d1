// Inline validation of the experiment form: the core's own schema checks the draft, and each
// issue becomes a short sentence keyed by the field's path ("optimizer.lr", "clip.maxNorm").

import type { z } from 'zod';
import { trainConfigSchema } from '../../../core/train/configSchema';

/** Field path → what is wrong with it; empty when the configuration is valid. */
export type FieldIssues = Record<string, string>;

function bound(value: number | bigint): string {
  return typeof value === 'bigint' ? value.toString() : String(value);
}

/** A zod issue in words a user reads beside the field. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'Enter a whole number.';
      if (issue.expected === 'number') return 'Enter a number.';
      return issue.message;
    case 'too_small':
      return issue.inclusive
        ? `Must be at least ${bound(issue.minimum)}.`
        : `Must be more than ${bound(issue.minimum)}.`;
    case 'too_big':
      return issue.inclusive
        ? `Must be at most ${bound(issue.maximum)}.`
        : `Must be less than ${bound(issue.maximum)}.`;
    default:
      return issue.message;
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The first issue of each field of a draft configuration. */
export function configIssues(draft: unknown): FieldIssues {
  const parsed = trainConfigSchema.safeParse(draft);
  if (parsed.success) return {};
  const issues: FieldIssues = {};
  for (const issue of parsed.error.issues) {
    const field = fieldPath(issue.path);
    issues[field] ??= describeIssue(issue);
  }
  return issues;
}

/**
 * The form field a host refusal names: `base.optimizer.lr` (runs.createGrid) and
 * `config.optimizer.lr` (runs.create) are the form's `optimizer.lr`; other fields
 * (`name`, `axes`, `seeds`, `datasetId`) are the form's own.
 */
export function formFieldOfHostField(field: string): string {
  return field.replace(/^(base|config)\./, '');
}

/** The host's message without the field name it starts with ("base.epochs: Too small"). */
export function hostMessageWithoutField(message: string, field: string): string {
  const prefix = `${field}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
