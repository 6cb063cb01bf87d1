// The schema of a training configuration: every host (CLI, lab API) validates what a user
// gives against it before a run starts, so a bad value is refused with the field's name.

import { z } from 'zod';
import type { TrainConfig } from './config';

const positiveInt = (max: number) => z.number().int().min(1).max(max);
const positive = z.number().finite().positive();

export const optimizerConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sgd'), lr: positive }),
  z.object({ kind: z.literal('momentum'), lr: positive, momentum: z.number().min(0).lt(1) }),
  z.object({ kind: z.literal('adagrad'), lr: positive, eps: positive }),
  z.object({ kind: z.literal('rmsprop'), lr: positive, rho: z.number().min(0).lt(1), eps: positive }),
  z.object({
    kind: z.literal('adam'),
    lr: positive,
    beta1: z.number().min(0).lt(1),
    beta2: z.number().min(0).lt(1),
    eps: positive,
  }),
]);

export const trainConfigSchema = z.object({
  numLayers: positiveInt(16),
  hiddenSize: positiveInt(4096),
  cell: z.enum(['elman', 'highway']),
  activation: z.enum(['tanh', 'relu']),
  residual: z.boolean(),
  init: z.enum(['uniform', 'xavier', 'orthogonal', 'identity']),
  gateBias: z.number().finite(),
  optimizer: optimizerConfigSchema,
  batchSize: positiveInt(1_000_000),
  epochs: positiveInt(1_000_000),
  clip: z.object({ maxNorm: positive.nullable(), maxValue: positive.nullable() }),
  l2: z.number().finite().min(0),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  valSplit: z.number().min(0).max(0.9),
  patience: positiveInt(1_000_000).nullable(),
  normalize: z.boolean(),
}) satisfies z.ZodType<TrainConfig>;

export type ConfigResult = { ok: true; value: TrainConfig } | { ok: false; field: string; message: string };

export function validateTrainConfig(value: unknown): ConfigResult {
  const parsed = trainConfigSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: issue.path.join('.'), message: issue.message };
}
