// The lab's datasets and the built-in tasks; reloaded whenever the host says they changed.

import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { BuiltinInfo, DatasetRecord, ImportError, ImportOutcome } from '../../../core/api/labApi';
import type { MissingPolicy } from '../lab/files';
import { importDroppedFiles } from '../lab/files';
import { lab } from '../lab/lab';
import { describeError, useNotices } from './notices';

export const useDatasets = defineStore('datasets', () => {
  const datasets = ref<DatasetRecord[]>([]);
  const builtins = ref<BuiltinInfo[]>([]);
  const importErrors = ref<ImportError[]>([]);
  const importing = ref(false);
  const loaded = ref(false);
  const notices = useNotices();

  const byId = computed(() => new Map(datasets.value.map((d) => [d.id, d])));

  async function load(): Promise<void> {
    try {
      const [list, tasks] = await Promise.all([
        lab().invoke('datasets.list'),
        lab().invoke('datasets.builtins'),
      ]);
      datasets.value = list;
      builtins.value = tasks;
      loaded.value = true;
    } catch (error) {
      notices.error(error);
    }
  }

  /** The built-in tasks are in the lab from the first start: import each default once. */
  async function ensureBuiltins(): Promise<void> {
    if (!loaded.value) await load();
    const present = new Set(datasets.value.flatMap((d) => (d.format === 'builtin' ? d.sources : [])));
    const missing = builtins.value.filter((task) => !present.has(task.defaultSpec));
    for (const task of missing) {
      try {
        await lab().invoke('datasets.importBuiltin', { spec: task.defaultSpec });
      } catch (error) {
        notices.error(error);
      }
    }
    if (missing.length > 0) await load();
  }

  /** An import the menu ran (File > Import Dataset…): its errors shown like a drop's. */
  function showImportOutcome(outcome: ImportOutcome): void {
    importErrors.value = outcome.errors;
    void load();
  }

  /** `missing`: how gaps in the files are handled (default: refused, with the place named). */
  async function importFiles(files: readonly File[], missing?: MissingPolicy): Promise<DatasetRecord[]> {
    importing.value = true;
    try {
      const outcome = await importDroppedFiles(files, missing);
      importErrors.value = outcome.errors;
      await load();
      return outcome.imported;
    } catch (error) {
      notices.error(error);
      return [];
    } finally {
      importing.value = false;
    }
  }

  async function importBuiltin(spec: string): Promise<DatasetRecord | null> {
    try {
      const record = await lab().invoke('datasets.importBuiltin', { spec });
      await load();
      return record;
    } catch (error) {
      notices.error(error);
      return null;
    }
  }

  /** Null when deleted, else the host's refusal (e.g. runs still use the dataset). */
  async function remove(id: number): Promise<string | null> {
    try {
      await lab().invoke('datasets.delete', { id });
      await load();
      return null;
    } catch (error) {
      return describeError(error);
    }
  }

  lab().on('datasets.changed', () => void load());

  return {
    datasets,
    builtins,
    byId,
    importErrors,
    importing,
    loaded,
    load,
    ensureBuiltins,
    importFiles,
    showImportOutcome,
    importBuiltin,
    remove,
  };
});
