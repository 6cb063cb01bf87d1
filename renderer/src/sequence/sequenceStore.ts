// The sequence screen's state: the model looked inside (a run's saved model or an opened model
// file), the sequence it is unrolled over (dataset, part, index), the unrolled network from
// the host (models.unroll), and the step cursor. Kept while the app runs, so the screen comes
// back as it was left. Errors are kept to be shown in place.

import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ModelInspection, SequenceUnroll } from '../../../core/api/labApi';
import { lab } from '../lab/lab';
import { useDatasets } from '../stores/datasets';
import { useModels } from '../stores/models';
import { describeError } from '../stores/notices';
import { useRuns } from '../stores/runs';
import type { ModelSource } from './modelChoices';
import { defaultDataset, sequenceCount } from './modelChoices';
import { clampStep } from './stepCursor';

export type ModelKind = 'best' | 'final';
export type Split = 'train' | 'test';

export interface LoadedModelText {
  source: ModelSource;
  kind: ModelKind;
  text: string;
  inspection: ModelInspection;
}

export const useSequence = defineStore('sequence', () => {
  const datasets = useDatasets();
  const runs = useRuns();
  const models = useModels();

  const source = ref<ModelSource | null>(null);
  const kind = ref<ModelKind>('best');
  // shallowRef: the inspection's provenance is free JSON, and the unroll holds big arrays.
  const model = shallowRef<LoadedModelText | null>(null);
  const modelError = ref<string | null>(null);
  const loadingModel = ref(false);

  const datasetId = ref<number | null>(null);
  const split = ref<Split>('test');
  const index = ref(0);

  const unroll = shallowRef<SequenceUnroll | null>(null);
  const unrollError = ref<string | null>(null);
  const loadingUnroll = ref(false);
  /** The step index under the cursor, 0..steps-1. */
  const cursor = ref(0);

  const dataset = computed(() => (datasetId.value === null ? undefined : datasets.byId.get(datasetId.value)));
  const count = computed(() => (dataset.value === undefined ? 0 : sequenceCount(dataset.value, split.value)));

  let modelRequest = 0;
  let unrollRequest = 0;

  async function modelText(chosen: ModelSource, chosenKind: ModelKind): Promise<LoadedModelText> {
    if (chosen.kind === 'run') {
      const file = await lab().invoke('models.get', { runId: chosen.runId, kind: chosenKind });
      const inspection = await lab().invoke('models.inspect', { text: file.text });
      return { source: chosen, kind: chosenKind, text: file.text, inspection };
    }
    const opened = models.opened.find((m) => m.name === chosen.name);
    if (opened === undefined) throw new Error(`The model file ${chosen.name} is no longer open.`);
    return { source: chosen, kind: chosenKind, text: opened.text, inspection: opened.inspection };
  }

  /** Picks the part and index that exist in the current dataset, keeping them when they do. */
  function fitSequence(): void {
    const record = dataset.value;
    if (record === undefined) return;
    if (split.value === 'test' && record.testSequences === null) split.value = 'train';
    index.value = Math.min(Math.max(0, index.value), Math.max(0, count.value - 1));
  }

  async function chooseModel(chosen: ModelSource, chosenKind: ModelKind = kind.value): Promise<void> {
    const request = ++modelRequest;
    source.value = chosen;
    kind.value = chosenKind;
    loadingModel.value = true;
    modelError.value = null;
    try {
      const loaded = await modelText(chosen, chosenKind);
      if (request !== modelRequest) return;
      model.value = loaded;
      const runDataset = chosen.kind === 'run' ? runs.byId.get(chosen.runId)?.datasetId : undefined;
      const keep = chosen.kind === 'file' ? (datasetId.value ?? undefined) : undefined;
      const fingerprint = loaded.inspection.provenance.datasetFingerprint;
      const start = defaultDataset(
        datasets.datasets,
        loaded.inspection.architecture.inputSize,
        runDataset ?? keep,
        fingerprint,
      );
      datasetId.value = start?.id ?? datasetId.value;
      fitSequence();
    } catch (error) {
      if (request !== modelRequest) return;
      model.value = null;
      unroll.value = null;
      modelError.value = describeError(error);
    } finally {
      if (request === modelRequest) loadingModel.value = false;
    }
    if (request === modelRequest && model.value !== null) await load();
  }

  async function load(): Promise<void> {
    const request = ++unrollRequest;
    const current = model.value;
    if (current === null || datasetId.value === null) return;
    loadingUnroll.value = true;
    unrollError.value = null;
    try {
      const result = await lab().invoke('models.unroll', {
        text: current.text,
        datasetId: datasetId.value,
        split: split.value,
        index: index.value,
      });
      if (request !== unrollRequest) return;
      const keepCursor = unroll.value !== null;
      unroll.value = result;
      cursor.value = keepCursor ? clampStep(cursor.value, result.steps) : result.steps - 1;
    } catch (error) {
      if (request !== unrollRequest) return;
      unroll.value = null;
      unrollError.value = describeError(error);
    } finally {
      if (request === unrollRequest) loadingUnroll.value = false;
    }
  }

  async function chooseSequence(next: { datasetId?: number; split?: Split; index?: number }): Promise<void> {
    if (next.datasetId !== undefined) datasetId.value = next.datasetId;
    if (next.split !== undefined) split.value = next.split;
    if (next.index !== undefined) index.value = next.index;
    fitSequence();
    await load();
  }

  function moveCursor(t: number): void {
    if (unroll.value !== null) cursor.value = clampStep(t, unroll.value.steps);
  }

  return {
    source,
    kind,
    model,
    modelError,
    loadingModel,
    datasetId,
    split,
    index,
    dataset,
    count,
    unroll,
    unrollError,
    loadingUnroll,
    cursor,
    chooseModel,
    chooseSequence,
    load,
    moveCursor,
  };
});
