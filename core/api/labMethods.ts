// The methods of the lab API: each one's name, the schema of its single argument object
// (checked by the host before anything runs) and the type of what it answers.

import { z } from 'zod';
import type { TrainConfig } from '../train/config';
import { trainConfigSchema } from '../train/configSchema';
import type {
  DatasetRecord,
  ExperimentRecord,
  MetricSummary,
  RunRecord,
  RunStatus,
  Series,
} from './entities';
import { RUN_STATUSES } from './entities';
import type { RunProgress } from './labEvents';
import type {
  AppInfo,
  BuiltinInfo,
  DatasetPreview,
  EpochProfile,
  ExportedFile,
  GridCreated,
  ImportOutcome,
  ModelEvaluation,
  ModelFile,
  ModelInspection,
  ModelPrediction,
  ParamDifference,
  SequenceUnroll,
} from './labResults';

export interface LabResults {
  'app.info': AppInfo;
  'datasets.list': DatasetRecord[];
  'datasets.get': DatasetRecord;
  'datasets.builtins': BuiltinInfo[];
  'datasets.importBuiltin': DatasetRecord;
  'datasets.importFiles': ImportOutcome;
  'datasets.importContent': ImportOutcome;
  'datasets.preview': DatasetPreview;
  'datasets.delete': null;
  'experiments.list': ExperimentRecord[];
  'runs.defaults': TrainConfig;
  'runs.list': RunRecord[];
  'runs.get': RunRecord;
  'runs.create': RunRecord;
  'runs.createGrid': GridCreated;
  'runs.stop': null;
  'runs.rerun': RunRecord;
  'runs.delete': null;
  'runs.progress': RunProgress[];
  'metrics.series': Series[];
  'metrics.summaries': MetricSummary[];
  'metrics.profiles': EpochProfile[];
  'metrics.differingParams': ParamDifference[];
  'metrics.export': ExportedFile;
  'models.get': ModelFile;
  'models.inspect': ModelInspection;
  'models.evaluate': ModelEvaluation;
  'models.predict': ModelPrediction;
  'models.unroll': SequenceUnroll;
}

const id = z.number().int().positive();
const ids = z.array(id);
const noArguments = z.strictObject({});
const missingPolicy = z.enum(['refuse', 'forward', 'zero']).optional();
const split = z.enum(['train', 'test']);
const runStatus = z.enum(RUN_STATUSES as [RunStatus, ...RunStatus[]]) satisfies z.ZodType<RunStatus>;

const uploadedFiles = z
  .array(z.strictObject({ name: z.string().min(1), text: z.string() }))
  .min(1)
  .superRefine((files, context) => {
    const seen = new Set<string>();
    files.forEach((file, i) => {
      if (seen.has(file.name)) {
        context.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: `"${file.name}" is given twice; expected each file once`,
        });
      }
      seen.add(file.name);
    });
  });

/** A grid axis value as a user types it ("1", 0.5, "none" or null for off); gridCells reads strings. */
const axisValue = z
  .union([z.string(), z.number().finite(), z.boolean(), z.null()])
  .transform((value) => (value === null ? 'none' : String(value)));

const runFilter = z.strictObject({
  datasetId: id.optional(),
  /** null: runs that belong to no experiment. */
  experimentId: id.nullable().optional(),
  status: z.array(runStatus).optional(),
  param: z.strictObject({ key: z.string(), value: z.string() }).optional(),
  orderBy: z.enum(['created', 'bestValAccuracy', 'finalTestAccuracy']).optional(),
  descending: z.boolean().optional(),
  limit: z.number().int().min(0).optional(),
  offset: z.number().int().min(0).optional(),
});

export const MAX_PREVIEW_PER_CLASS = 100;
export const MAX_GRID_RUNS = 1000;

export const labMethodSchemas = {
  'app.info': noArguments,
  'datasets.list': noArguments,
  'datasets.get': z.strictObject({ id }),
  'datasets.builtins': noArguments,
  /** `builtin:temporal-order?T=50` (the prefix may be left out). */
  'datasets.importBuiltin': z.strictObject({ spec: z.string().min(1) }),
  /** Paths on the host; NAME_TRAIN and NAME_TEST files among them become one dataset. */
  'datasets.importFiles': z.strictObject({
    paths: z.array(z.string().min(1)).min(1),
    missing: missingPolicy,
  }),
  /** Contents a browser uploads, paired by name like importFiles. */
  'datasets.importContent': z.strictObject({ files: uploadedFiles, missing: missingPolicy }),
  'datasets.preview': z.strictObject({
    id,
    perClass: z.number().int().min(1).max(MAX_PREVIEW_PER_CLASS).default(3),
    split: split.default('train'),
  }),
  'datasets.delete': z.strictObject({ id }),
  'experiments.list': noArguments,
  'runs.defaults': noArguments,
  'runs.list': runFilter,
  'runs.get': z.strictObject({ id }),
  'runs.create': z.strictObject({
    datasetId: id,
    config: trainConfigSchema,
    name: z.string().max(200).optional(),
    experimentId: id.nullable().optional(),
  }),
  'runs.createGrid': z.strictObject({
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    datasetId: id,
    base: trainConfigSchema,
    axes: z.array(z.strictObject({ key: z.string().min(1), values: z.array(axisValue).min(1) })),
    /** Repeat the whole grid once per seed. */
    seeds: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(2 ** 32 - 1),
      )
      .min(1)
      .optional(),
  }),
  'runs.stop': z.strictObject({ id }),
  'runs.rerun': z.strictObject({ id }),
  'runs.delete': z.strictObject({ id }),
  'runs.progress': noArguments,
  'metrics.series': z.strictObject({
    runIds: ids,
    metrics: z.array(z.string().min(1)),
    x: z.enum(['step', 'epoch', 'wall']).optional(),
    smoothing: z.number().min(0).lt(1).optional(),
    maxPoints: z.number().int().min(4).optional(),
  }),
  'metrics.summaries': z.strictObject({ runId: id }),
  'metrics.profiles': z.strictObject({ runId: id }),
  'metrics.differingParams': z.strictObject({ runIds: ids }),
  'metrics.export': z.strictObject({ runIds: ids.min(1), format: z.enum(['csv', 'json']) }),
  'models.get': z.strictObject({ runId: id, kind: z.enum(['best', 'final']) }),
  'models.inspect': z.strictObject({ text: z.string() }),
  'models.evaluate': z.strictObject({ text: z.string(), datasetId: id, split }),
  'models.predict': z.strictObject({
    text: z.string(),
    datasetId: id,
    split,
    index: z.number().int().min(0),
  }),
  /** The network unrolled over one sequence: h_t, g_t, ||dE/dh_t|| and the answer at every step. */
  'models.unroll': z.strictObject({
    text: z.string(),
    datasetId: id,
    split,
    index: z.number().int().min(0),
  }),
} satisfies { [M in keyof LabResults]: z.ZodType };
