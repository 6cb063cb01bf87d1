// The lab API's datasets.* and experiments.* methods: listing, importing (built-in tasks,
// files on the host, uploaded contents), previewing and deleting datasets.

import { labFailure, labOk } from '../../core/api/labError';
import type { BuiltinInfo } from '../../core/api/labResults';
import type { Dataset } from '../../core/data/dataset';
import {
  BUILTIN_PREFIX,
  builtinDatasetNames,
  formatBuiltinSpec,
  generateBuiltin,
  parseBuiltinSpec,
} from '../../core/data/synthetic/index';
import type { BuiltinName } from '../../core/data/synthetic/index';
import { importSource } from '../cli/storeAccess';
import { importContent, importFiles } from './datasetImport';
import { previewDataset } from './datasetPreview';
import type { LabContext, LabHandlers } from './labHandlers';
import { badData, notFound } from './labHandlers';

function builtins(): BuiltinInfo[] {
  return (Object.keys(builtinDatasetNames) as BuiltinName[]).map((name) => {
    const spec = parseBuiltinSpec(`${BUILTIN_PREFIX}${name}`);
    // Every registered name parses with its defaults; anything else is a bug in the registry.
    if (!spec.ok) throw new Error(`the built-in dataset ${name} has no valid default spec`);
    return { name, description: builtinDatasetNames[name], defaultSpec: formatBuiltinSpec(spec.value) };
  });
}

/** The part of a dataset a method asks for, or why there is none. */
export function datasetPart(
  context: LabContext,
  id: number,
  split: 'train' | 'test',
  field = 'id',
): { ok: true; dataset: Dataset } | ReturnType<typeof notFound> {
  const data = context.store.datasets.loadData(id);
  if (data === null) return notFound(`There is no dataset ${id}.`, field);
  if (split === 'train') return { ok: true, dataset: data.train };
  if (data.test === null) return notFound(`Dataset ${id} has no test part.`, 'split');
  return { ok: true, dataset: data.test };
}

export function datasetHandlers(context: LabContext): LabHandlers<'datasets.' | 'experiments.'> {
  const { store } = context;
  const changedIf = <T extends { imported: unknown[] }>(outcome: T): T => {
    if (outcome.imported.length > 0) context.datasetsChanged();
    return outcome;
  };
  return {
    'datasets.list': () => labOk(store.datasets.list()),
    'datasets.get': ({ id }) => {
      const record = store.datasets.get(id);
      return record === null ? notFound(`There is no dataset ${id}.`, 'id') : labOk(record);
    },
    'datasets.builtins': () => labOk(builtins()),
    'datasets.importBuiltin': ({ spec }) => {
      const text = spec.startsWith(BUILTIN_PREFIX) ? spec : `${BUILTIN_PREFIX}${spec}`;
      const parsed = parseBuiltinSpec(text);
      if (!parsed.ok) return badData(parsed.error);
      const { train, test } = generateBuiltin(parsed.value);
      const record = importSource(store, {
        train,
        test,
        format: 'builtin',
        sources: [formatBuiltinSpec(parsed.value)],
        missingValues: { train: 0, test: 0 },
      });
      context.datasetsChanged();
      return labOk(record);
    },
    'datasets.importFiles': async ({ paths, missing }) =>
      labOk(changedIf(await importFiles(store, paths, missing ?? 'refuse'))),
    'datasets.importContent': async ({ files, missing }) =>
      labOk(changedIf(await importContent(store, files, missing ?? 'refuse'))),
    'datasets.preview': ({ id, perClass, split }) => {
      const part = datasetPart(context, id, split);
      return part.ok ? labOk(previewDataset(part.dataset, perClass)) : part;
    },
    'datasets.delete': ({ id }) => {
      const deleted = store.datasets.delete(id);
      if (!deleted.ok) {
        const code = deleted.error.code === 'in-use' ? 'conflict' : 'not-found';
        return labFailure(code, deleted.error.message, 'id');
      }
      context.datasetsChanged();
      return labOk(null);
    },
    'experiments.list': () => labOk(store.experiments.list()),
  };
}
