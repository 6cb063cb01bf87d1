// What the user picked on one screen for another: the dataset a new experiment starts from
// ("New experiment on this dataset" on the datasets screen; the experiment form reads it).

import { defineStore } from 'pinia';
import { ref } from 'vue';

export const useSelection = defineStore('selection', () => {
  const datasetId = ref<number | null>(null);
  return { datasetId };
});
