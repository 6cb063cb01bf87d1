// The first-start demonstration: the temporal order problem at T = 50 with Elman and highway
// cells, clipped and unclipped (4 runs). Sized to finish in about a minute on a laptop: 30
// epochs of the default 2000 sequences (1600 train after the validation split: 51 steps an
// epoch, 1530 steps) with the default 64 hidden units. Measured on 2 busy shared cores with one
// trainer: 40-60 s for the four. With 64 units the Elman runs stall around 50 % for hundreds of
// steps (they learn the later mark first); with 32 they break through too soon to show it.

import type { LabArgs } from '../../../core/api/labApi';
import type { DatasetRecord } from '../../../core/api/entities';
import type { TrainConfig } from '../../../core/train/config';

/** The built-in dataset the demonstration trains on, as its canonical spec. */
export const TRY_IT_SPEC = 'builtin:temporal-order?T=50&n=2000&nTest=1000&seed=1';

export const TRY_IT_NAME = 'Try it: Elman vs highway, clipped vs unclipped (temporal order, T = 50)';

/** What to look at, in two sentences: on the card, above the runs, and as the experiment's description. */
export const TRY_IT_LOOK_AT: readonly [string, string] = [
  'Watch the validation accuracy: the highway runs solve the task within a few hundred steps, while the ' +
    'plain Elman runs stall around 50 % for hundreds of steps, having learnt the later mark but not the earlier one.',
  'Then compare the runs: the unclipped runs take the gradient-norm spikes whole (clipping caps each step), ' +
    'and in the plain runs the gradient fades as it flows back through time.',
];

export const TRY_IT_DESCRIPTION = TRY_IT_LOOK_AT.join(' ');

export const TRY_IT_HIDDEN_SIZE = 64;
export const TRY_IT_EPOCHS = 30;

/** The demonstration's dataset among the lab's, if it was imported. */
export function findTryItDataset(datasets: readonly DatasetRecord[]): DatasetRecord | undefined {
  return datasets.find((dataset) => dataset.format === 'builtin' && dataset.sources.includes(TRY_IT_SPEC));
}

/** The grid request: the host's defaults, sized as above and without early stopping, over cell × clipping. */
export function tryItGrid(defaults: TrainConfig, datasetId: number): LabArgs<'runs.createGrid'> {
  return {
    name: TRY_IT_NAME,
    description: TRY_IT_DESCRIPTION,
    datasetId,
    base: {
      ...defaults,
      hiddenSize: TRY_IT_HIDDEN_SIZE,
      epochs: TRY_IT_EPOCHS,
      patience: null,
      clip: { maxNorm: 1, maxValue: null },
    },
    axes: [
      { key: 'cell', values: ['elman', 'highway'] },
      { key: 'clip-norm', values: ['1', 'none'] },
    ],
  };
}
