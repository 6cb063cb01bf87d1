// The Compare screen's controls, kept in a store: the screen is rebuilt whenever the compared
// runs change (the route changes), and the user's smoothing, axes and grouping should survive that.

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SeriesAxis } from '../../../core/api/entities';
import type { BandKind } from './aggregate';
import type { FigureKey } from './scatterFigures';

export const useCompareSettings = defineStore('compareSettings', () => {
  /** Debiased EMA weight, 0 for raw lines. */
  const smoothing = ref(0.6);
  const logY = ref(false);
  const xAxis = ref<SeriesAxis>('step');
  /** A flattened config key, or '' for no grouping. */
  const groupBy = ref('');
  const band = ref<BandKind>('minmax');
  const showTensorMetrics = ref(true);
  const differencesOnly = ref(true);
  const figure = ref<FigureKey>('bestValAccuracy');
  /** The scatter's x axis: a flattened config key, or '' for the first differing one. */
  const scatterKey = ref('');
  return { smoothing, logY, xAxis, groupBy, band, showTensorMetrics, differencesOnly, figure, scatterKey };
});
