// The lab API's models.* methods: a run's model JSON as a file, and any model JSON text
// inspected, evaluated on a dataset's part, asked for one sequence's prediction, or unrolled over it.

import { labFailure, labOk } from '../../core/api/labError';
import type { LabFailure } from '../../core/api/labError';
import { alignLabels } from '../../core/data/alignLabels';
import type { Dataset } from '../../core/data/dataset';
import { subset } from '../../core/data/dataset';
import { normalizeDataset } from '../../core/data/normalization';
import { evaluate, predict } from '../../core/model/evaluate';
import type { LoadedModel } from '../../core/model/modelJson';
import { formatModelJsonError, parseModelJsonText } from '../../core/model/modelJsonText';
import { unrollSequence } from '../../core/model/unroll';
import { datasetPart } from './datasetMethods';
import type { LabContext, LabHandlers } from './labHandlers';
import { badData, notFound } from './labHandlers';

const MODEL_SOURCE = 'model JSON';

function loadModel(text: string): { ok: true; model: LoadedModel } | LabFailure {
  const loaded = parseModelJsonText(text, MODEL_SOURCE);
  if (loaded.ok) return loaded;
  return labFailure('bad-model', formatModelJsonError(loaded.error, MODEL_SOURCE), loaded.error.field);
}

/** The data as the model sees it: checked against its inputSize, in its class order, normalized. */
function prepareForModel(
  model: LoadedModel,
  dataset: Dataset,
  name: string,
): { ok: true; dataset: Dataset } | LabFailure {
  if (dataset.numFeatures !== model.arch.inputSize) {
    return labFailure(
      'bad-data',
      `${name} has ${dataset.numFeatures} features per step; the model expects ${model.arch.inputSize} (inputSize)`,
      'datasetId',
    );
  }
  const aligned = alignLabels(dataset, model.classLabels, name);
  if (!aligned.ok) return badData(aligned.error);
  const prepared = model.normalization ? normalizeDataset(aligned.value, model.normalization) : aligned.value;
  return { ok: true, dataset: prepared };
}

function indexOutOfRange(index: number, dataset: Dataset): LabFailure | null {
  if (index < dataset.sequences.length) return null;
  const last = dataset.sequences.length - 1;
  return labFailure('invalid-arguments', `index: is ${index}; expected 0 to ${last}`, 'index');
}

export function modelHandlers(context: LabContext): LabHandlers<'models.'> {
  const { store } = context;
  /** The model and the dataset's part, ready for a forward pass. */
  const modelOnData = (
    text: string,
    datasetId: number,
    split: 'train' | 'test',
  ): { ok: true; model: LoadedModel; dataset: Dataset } | LabFailure => {
    const loaded = loadModel(text);
    if (!loaded.ok) return loaded;
    const part = datasetPart(context, datasetId, split, 'datasetId');
    if (!part.ok) return part;
    const name = `dataset ${datasetId} (${split})`;
    const prepared = prepareForModel(loaded.model, part.dataset, name);
    return prepared.ok ? { ok: true, model: loaded.model, dataset: prepared.dataset } : prepared;
  };
  return {
    'models.get': ({ runId, kind }) => {
      if (store.runs.get(runId) === null) return notFound(`There is no run ${runId}.`, 'runId');
      const text = store.models.get(runId, kind);
      if (text === null) {
        return notFound(
          `Run ${runId} has no ${kind} model (it has not finished, or ended before saving one).`,
          'kind',
        );
      }
      return labOk({ fileName: `rnn-lab-run-${runId}-${kind}.json`, text });
    },
    'models.inspect': ({ text }) => {
      const loaded = loadModel(text);
      if (!loaded.ok) return loaded;
      const { model } = loaded;
      return labOk({
        architecture: model.arch,
        parameterCount: model.params.layout.size,
        classLabels: model.classLabels,
        normalization: model.normalization !== null,
        provenance: model.training,
      });
    },
    'models.evaluate': ({ text, datasetId, split }) => {
      const ready = modelOnData(text, datasetId, split);
      if (!ready.ok) return ready;
      const result = evaluate(ready.model.params, ready.dataset);
      return labOk({
        count: result.count,
        accuracy: result.accuracy,
        loss: result.loss,
        confusion: result.confusion,
        classLabels: ready.model.classLabels,
      });
    },
    'models.predict': ({ text, datasetId, split, index }) => {
      const ready = modelOnData(text, datasetId, split);
      if (!ready.ok) return ready;
      const { model, dataset } = ready;
      const outOfRange = indexOutOfRange(index, dataset);
      if (outOfRange) return outOfRange;
      const [prediction] = predict(model.params, subset(dataset, [index]));
      return labOk({
        index,
        predicted: model.classLabels[prediction.predicted],
        actual: dataset.classLabels[dataset.labels[index]],
        classLabels: model.classLabels,
        probabilities: prediction.probabilities,
      });
    },
    'models.unroll': ({ text, datasetId, split, index }) => {
      const ready = modelOnData(text, datasetId, split);
      if (!ready.ok) return ready;
      const { model, dataset } = ready;
      const outOfRange = indexOutOfRange(index, dataset);
      if (outOfRange) return outOfRange;
      const unrolled = unrollSequence(model.params, dataset, index);
      return labOk({
        index,
        label: dataset.classLabels[dataset.labels[index]],
        predicted: model.classLabels[unrolled.predicted],
        classLabels: model.classLabels,
        probabilities: unrolled.probabilities,
        loss: unrolled.loss,
        steps: unrolled.steps,
        inputs: unrolled.inputs,
        layers: unrolled.layers,
        stepProbabilities: unrolled.stepProbabilities,
      });
    },
  };
}
