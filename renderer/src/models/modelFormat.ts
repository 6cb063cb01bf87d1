// How the models screen shows a model JSON: its architecture and provenance (MATH.md,
// "Model JSON") as labelled rows of readable text, and figures as short text.

import type { Architecture } from '../../../core/model/architecture';
import type { JsonObject, JsonValue, TrainingProvenance } from '../../../core/model/modelJson';

export interface LabelledValue {
  label: string;
  value: string;
  /** The full text when `value` is shortened (a fingerprint). */
  title?: string;
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${(value * 100).toFixed(digits)} %` : '–';
}

/** Integers as they are, other numbers to four significant digits (0.003, 1e-8, 1.334). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

export function formatJsonValue(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** "bestValAccuracy" → "Best val accuracy". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function architectureRows(arch: Architecture, parameterCount: number): LabelledValue[] {
  return [
    { label: 'Cell', value: arch.cell },
    { label: 'Layers (D)', value: String(arch.numLayers) },
    { label: 'Hidden size (L)', value: String(arch.hiddenSize) },
    { label: 'Activation', value: arch.activation },
    { label: 'Residual across depth', value: arch.residual ? 'yes' : 'no' },
    { label: 'Input features (N)', value: String(arch.inputSize) },
    { label: 'Classes (K)', value: String(arch.numClasses) },
    { label: 'Parameters', value: parameterCount.toLocaleString('en-US') },
  ];
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const OPTIMIZER_SYMBOLS: Record<string, string> = {
  lr: 'lr',
  momentum: 'μ',
  rho: 'ρ',
  beta1: 'β1',
  beta2: 'β2',
  eps: 'ε',
};

/** "adam: lr 0.003, β1 0.9, β2 0.999, ε 1e-8". */
export function describeOptimizer(optimizer: JsonValue | undefined): string {
  if (!isObject(optimizer)) return formatJsonValue(optimizer);
  const { kind, ...settings } = optimizer;
  const parts = Object.entries(settings).map(
    ([key, value]) => `${OPTIMIZER_SYMBOLS[key] ?? key} ${formatJsonValue(value)}`,
  );
  return `${formatJsonValue(kind)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** "global norm ≤ 1", "value ≤ 0.5", both, or "none" (MATH.md, "Gradient clipping"). */
export function describeClip(clip: JsonValue | undefined): string {
  if (!isObject(clip)) return formatJsonValue(clip);
  const parts: string[] = [];
  if (typeof clip.maxNorm === 'number') parts.push(`global norm ≤ ${formatNumber(clip.maxNorm)}`);
  if (typeof clip.maxValue === 'number') parts.push(`value ≤ ${formatNumber(clip.maxValue)}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

type ConfigFormatter = (value: JsonValue | undefined) => string;

/** The TrainConfig keys (core/train/config.ts) in a reading order, with labels and formats. */
const CONFIG_FIELDS: [key: string, label: string, format: ConfigFormatter][] = [
  ['optimizer', 'Optimizer', describeOptimizer],
  ['batchSize', 'Batch size', formatJsonValue],
  ['epochs', 'Epochs (configured)', formatJsonValue],
  ['clip', 'Gradient clipping', describeClip],
  ['init', 'Initialization', formatJsonValue],
  ['gateBias', 'Highway gate bias', formatJsonValue],
  ['l2', 'L2 penalty λ', formatJsonValue],
  ['valSplit', 'Validation split', (value) => (typeof value === 'number' ? formatPercent(value, 0) : '–')],
  [
    'patience',
    'Early stopping',
    (value) => (typeof value === 'number' ? `after ${value} epochs without improvement` : 'never'),
  ],
  ['normalize', 'Z-score features', formatJsonValue],
];

/** Shown elsewhere: by architectureRows, and the seed by provenanceRows. */
const SHOWN_ELSEWHERE = new Set(['numLayers', 'hiddenSize', 'cell', 'activation', 'residual', 'seed']);

export function configRows(config: JsonObject): LabelledValue[] {
  const known = new Set(CONFIG_FIELDS.map(([key]) => key));
  const rows = CONFIG_FIELDS.filter(([key]) => key in config).map(([key, label, format]) => ({
    label,
    value: format(config[key]),
  }));
  const others = Object.keys(config)
    .filter((key) => !known.has(key) && !SHOWN_ELSEWHERE.has(key))
    .map((key) => ({ label: humanizeKey(key), value: formatJsonValue(config[key]) }));
  return [...rows, ...others];
}

function describeDivergence(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'no';
  if (typeof value === 'number') return `at step ${value}`;
  if (isObject(value) && typeof value.step === 'number') {
    const what = typeof value.quantity === 'string' ? `: the ${value.quantity} was not finite` : '';
    return `at step ${value.step}${what}`;
  }
  return formatJsonValue(value);
}

function metricRow(key: string, value: JsonValue): LabelledValue {
  const label = humanizeKey(key);
  if (/accuracy/i.test(key)) return { label, value: formatPercent(typeof value === 'number' ? value : null) };
  if (key === 'seconds' && typeof value === 'number')
    return { label: 'Training time', value: `${value.toFixed(1)} s` };
  if (key === 'divergedAtStep' || key === 'divergence')
    return { label: 'Diverged', value: describeDivergence(value) };
  return { label, value: formatJsonValue(value) };
}

/** Figures the trainer (or the CLI) summarized when the model was written. */
export function metricRows(metrics: JsonObject): LabelledValue[] {
  return Object.entries(metrics).map(([key, value]) => metricRow(key, value));
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

const FINGERPRINT_SHOWN = 12;

/** Where the model came from; config and metrics are rendered by their own rows. */
export function provenanceRows(provenance: TrainingProvenance): LabelledValue[] {
  const rows: LabelledValue[] = [];
  if (provenance.datasetName !== undefined) rows.push({ label: 'Dataset', value: provenance.datasetName });
  if (provenance.datasetFingerprint !== undefined) {
    const full = provenance.datasetFingerprint;
    rows.push({
      label: 'Dataset fingerprint',
      value: full.length > FINGERPRINT_SHOWN ? `${full.slice(0, FINGERPRINT_SHOWN)}…` : full,
      title: full,
    });
  }
  const seed = provenance.seed ?? provenance.config?.seed;
  if (seed !== undefined) rows.push({ label: 'Seed', value: formatJsonValue(seed) });
  if (provenance.createdAt !== undefined)
    rows.push({ label: 'Written', value: formatDate(provenance.createdAt) });
  if (provenance.app !== undefined) rows.push({ label: 'Written by', value: provenance.app });
  const shown = new Set([
    'datasetName',
    'datasetFingerprint',
    'seed',
    'createdAt',
    'app',
    'config',
    'metrics',
  ]);
  for (const [key, value] of Object.entries(provenance)) {
    if (!shown.has(key) && value !== undefined)
      rows.push({ label: humanizeKey(key), value: formatJsonValue(value) });
  }
  return rows;
}

/** confusion[actual][predicted] as shares of each actual class's row (0 for an empty row). */
export function rowShares(confusion: readonly (readonly number[])[]): number[][] {
  return confusion.map((row) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return row.map((count) => (total === 0 ? 0 : count / total));
  });
}

/** Each actual class's recall (its diagonal share), or null for a class with no sequences. */
export function classRecalls(confusion: readonly (readonly number[])[]): (number | null)[] {
  return confusion.map((row, k) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return total === 0 ? null : (row[k] ?? 0) / total;
  });
}
