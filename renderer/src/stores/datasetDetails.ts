// One dataset looked at closely: a preview of its sequences, and deleting it with the host's
// refusal (runs still use it) answered as a value for the screen to show in place.

import { defineStore } from 'pinia';
import type { DatasetPreview } from '../../../core/api/labResults';
import { lab } from '../lab/lab';
import { useDatasets } from './datasets';
import { attempt, type HostOutcome } from './hostOutcome';

export const useDatasetDetails = defineStore('datasetDetails', () => {
  const datasets = useDatasets();

  function preview(
    id: number,
    split: 'train' | 'test',
    perClass: number,
  ): Promise<HostOutcome<DatasetPreview>> {
    return attempt(() => lab().invoke('datasets.preview', { id, split, perClass }));
  }

  async function remove(id: number): Promise<HostOutcome<null>> {
    const outcome = await attempt(() => lab().invoke('datasets.delete', { id }));
    if (outcome.ok) await datasets.load();
    return outcome;
  }

  return { preview, remove };
});
