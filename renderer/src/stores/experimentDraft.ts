// The New experiment form's state, kept while the user visits other screens: the dataset,
// the configuration, the grid's axes, the seeds, the name. "Duplicate into the form" on the
// Runs screen starts it from a run; "New experiment on this dataset" picks its dataset.

import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { TrainConfig } from '../../../core/train/config';
import { defaultTrainConfig } from '../../../core/train/defaults';
import type { AxisDraft } from '../experiment/gridPlan';
import { isPresetOrEmptyName, presetAxes, type Preset } from '../experiment/presets';
import type { SeedMode } from '../experiment/seeds';
import { lab } from '../lab/lab';
import { useNotices } from './notices';
import { useSelection } from './selection';

/** Where the form's configuration came from, to show what the user changed since. */
export interface DraftOrigin {
  label: string;
  config: TrainConfig;
}

/**
 * A deep, plain copy. Not structuredClone: configurations read from other stores are Vue
 * proxies (all the way down), which it refuses; a valid configuration is plain JSON.
 */
function copyConfig(config: TrainConfig): TrainConfig {
  return JSON.parse(JSON.stringify(config)) as TrainConfig;
}

export const useExperimentDraft = defineStore('experimentDraft', () => {
  const notices = useNotices();
  const selection = useSelection();

  const datasetId = ref<number | null>(selection.datasetId);
  /** The host's defaults once fetched; the core's own until then (they are the same values). */
  const defaults = ref<TrainConfig>(copyConfig(defaultTrainConfig));
  const config = ref<TrainConfig>(copyConfig(defaultTrainConfig));
  const origin = ref<DraftOrigin | null>(null);
  const name = ref('');
  const description = ref('');
  const axes = ref<AxisDraft[]>([]);
  const seedMode = ref<SeedMode>('single');
  const seedCount = ref(3);
  const seedList = ref('1, 2, 3');
  let defaultsFetched = false;
  let nextAxisId = 1;
  const newAxisId = (): number => nextAxisId++;

  // The datasets screen's "New experiment on this dataset" sets the selection.
  watch(
    () => selection.datasetId,
    (id) => {
      if (id !== null) datasetId.value = id;
    },
  );

  async function ensureDefaults(): Promise<void> {
    if (defaultsFetched) return;
    try {
      const fetched = await lab().invoke('runs.defaults');
      defaultsFetched = true;
      const untouched = JSON.stringify(config.value) === JSON.stringify(defaults.value);
      defaults.value = fetched;
      if (untouched && origin.value === null) config.value = copyConfig(fetched);
    } catch (error) {
      notices.error(error);
    }
  }

  function resetConfig(): void {
    config.value = copyConfig(defaults.value);
    origin.value = null;
  }

  /**
   * A run's dataset and configuration, to change and start again ("Duplicate into the form");
   * `config` may already hold a change (a suggested fix), shown as changed from `origin`.
   */
  function startFrom(source: {
    datasetId: number;
    origin: DraftOrigin;
    config?: TrainConfig;
    name: string;
  }): void {
    datasetId.value = source.datasetId;
    config.value = copyConfig(source.config ?? source.origin.config);
    origin.value = { label: source.origin.label, config: copyConfig(source.origin.config) };
    name.value = source.name;
    description.value = '';
    axes.value = [];
    seedMode.value = 'single';
  }

  function applyPreset(preset: Preset): void {
    axes.value = presetAxes(preset, config.value, newAxisId);
    if (isPresetOrEmptyName(name.value)) name.value = preset.experimentName;
  }

  function addAxis(): void {
    axes.value = [...axes.value, { id: newAxisId(), key: '', valuesText: '' }];
  }

  function removeAxis(id: number): void {
    axes.value = axes.value.filter((axis) => axis.id !== id);
  }

  return {
    datasetId,
    defaults,
    config,
    origin,
    name,
    description,
    axes,
    seedMode,
    seedCount,
    seedList,
    ensureDefaults,
    resetConfig,
    startFrom,
    applyPreset,
    addAxis,
    removeAxis,
  };
});
