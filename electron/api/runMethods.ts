// The lab API's runs.* methods: the default configuration, listing, creating single runs and
// comparison grids (repeated over seeds), stopping, repeating and deleting runs, and the live
// progress of the running ones.

import { labFailure, labOk } from '../../core/api/labError';
import type { LabFailure } from '../../core/api/labError';
import { MAX_GRID_RUNS } from '../../core/api/labMethods';
import { defaultTrainConfig } from '../../core/train/defaults';
import type { GridAxis } from '../../core/train/gridAxes';
import type { LabContext, LabHandlers } from './labHandlers';
import { notFound } from './labHandlers';

const SEED_AXIS_KEYS = ['seed'];

/** The axes with a seed axis last, so the runs of one cell over the seeds sit together. */
function axesWithSeeds(axes: GridAxis[], seeds: number[] | undefined): GridAxis[] | LabFailure {
  if (seeds === undefined) return axes;
  if (axes.some((axis) => SEED_AXIS_KEYS.includes(axis.key))) {
    return labFailure(
      'invalid-arguments',
      'seeds: the axes already vary the seed; give one or the other',
      'seeds',
    );
  }
  return [...axes, { key: 'seed', values: seeds.map(String) }];
}

export function runHandlers(context: LabContext): LabHandlers<'runs.'> {
  const { store, runs } = context;
  const missingRun = (id: number): LabFailure => notFound(`There is no run ${id}.`, 'id');
  const missingDataset = (id: number): LabFailure => notFound(`There is no dataset ${id}.`, 'datasetId');
  return {
    // A copy: the caller may edit what it gets.
    'runs.defaults': () => labOk(structuredClone(defaultTrainConfig)),
    'runs.list': (filter) => labOk(store.runs.list(filter)),
    'runs.get': ({ id }) => {
      const run = store.runs.get(id);
      return run === null ? missingRun(id) : labOk(run);
    },
    'runs.create': ({ datasetId, config, name, experimentId }) => {
      if (store.datasets.get(datasetId) === null) return missingDataset(datasetId);
      if (experimentId != null && store.experiments.get(experimentId) === null) {
        return notFound(`There is no experiment ${experimentId}.`, 'experimentId');
      }
      return labOk(runs.submit({ datasetId, config, name, experimentId }));
    },
    'runs.createGrid': ({ name, description, datasetId, base, axes, seeds }) => {
      if (store.datasets.get(datasetId) === null) return missingDataset(datasetId);
      const allAxes = axesWithSeeds(axes, seeds);
      if (!Array.isArray(allAxes)) return allAxes;
      const size = allAxes.reduce((product, axis) => product * axis.values.length, 1);
      if (size > MAX_GRID_RUNS) {
        return labFailure(
          'invalid-arguments',
          `axes: the grid has ${size} runs; expected at most ${MAX_GRID_RUNS}`,
          'axes',
        );
      }
      const grid = runs.submitGrid({ name, description, datasetId, base, axes: allAxes });
      if (!grid.ok) return labFailure('invalid-arguments', `axes: ${grid.message}`, 'axes');
      return labOk({ experiment: grid.experiment, runs: grid.runs });
    },
    'runs.stop': ({ id }) => {
      if (store.runs.get(id) === null) return missingRun(id);
      runs.stop(id);
      return labOk(null);
    },
    'runs.rerun': ({ id }) => {
      const run = runs.rerun(id);
      return run === null ? missingRun(id) : labOk(run);
    },
    'runs.delete': ({ id }) => {
      const run = store.runs.get(id);
      if (run === null) return missingRun(id);
      // A queued run leaves the queue (recorded as stopped) before its record goes.
      if (run.status === 'queued') runs.stop(id);
      const deleted = store.runs.delete(id);
      if (!deleted.ok) {
        return labFailure(
          deleted.error.code === 'in-use' ? 'conflict' : 'not-found',
          deleted.error.message,
          'id',
        );
      }
      return labOk(null);
    },
    'runs.progress': () => labOk(context.progress()),
  };
}
