// `lab grad` against another framework: PyTorch's autograd in float64 (bench/torch_grad.py)
// on the same model JSON and data. Runs where Debian's python3-torch is installed.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../core/model/architecture';
import { modelToJson } from '../../../core/model/modelJson';
import { serializeDatasetJson } from '../../../core/data/datasetJson';
import { architecture, randomDataset, randomParameters } from '../../helpers/networkFixtures';
import { repoRoot, runLab, tempDir } from '../../helpers/runLab';

const python = '/usr/bin/python3';
const torchAvailable = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

type Nested = number | Nested[] | { [key: string]: Nested };

function flatten(value: Nested, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => flatten(v, out));
  else
    Object.keys(value)
      .sort()
      .forEach((k) => flatten(value[k], out));
  return out;
}

const cases: [string, Architecture, boolean][] = [
  ['elman, 1 layer', architecture(), false],
  ['elman, 2 layers, residual, normalized', architecture({ numLayers: 2, residual: true }), true],
  ['highway, 2 layers', architecture({ cell: 'highway', numLayers: 2 }), true],
  ['IRNN (relu), 2 layers', architecture({ activation: 'relu', numLayers: 2 }), false],
];

describe.skipIf(!torchAvailable)(
  'lab grad agrees with PyTorch autograd (needs python3-torch: apt-get install -y python3-torch)',
  () => {
    for (const [name, arch, normalized] of cases) {
      it(name, async () => {
        const dir = tempDir();
        const params = randomParameters(arch, 21, 'float64', 0.4);
        const data = randomDataset([5, 1, 8, 3, 8], arch.inputSize, arch.numClasses, 4);
        const normalization = normalized
          ? {
              mean: Array.from({ length: arch.inputSize }, (_, j) => 0.1 * j),
              std: Array.from({ length: arch.inputSize }, (_, j) => 1 + 0.5 * j),
            }
          : null;
        const model = modelToJson(params, { classLabels: data.classLabels, normalization, training: {} });
        writeFileSync(join(dir, 'model.json'), JSON.stringify(model));
        writeFileSync(join(dir, 'data.json'), serializeDatasetJson(data));

        const lab = await runLab([
          'grad',
          '--model',
          join(dir, 'model.json'),
          '--data',
          join(dir, 'data.json'),
          '--json',
        ]);
        expect(lab.code, lab.stderr).toBe(0);
        const torch = spawnSync(
          python,
          [
            join(repoRoot, 'bench/torch_grad.py'),
            '--model',
            join(dir, 'model.json'),
            '--data',
            join(dir, 'data.json'),
          ],
          {
            encoding: 'utf8',
          },
        );
        expect(torch.status, torch.stderr).toBe(0);
        const ours = JSON.parse(lab.stdout);
        const theirs = JSON.parse(torch.stdout);
        expect(ours.loss).toBeCloseTo(theirs.loss, 12);
        const a = flatten(ours.logits);
        const b = flatten(theirs.logits);
        expect(a).toHaveLength(b.length);
        a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 12));
        const ga = flatten(ours.grads);
        const gb = flatten(theirs.grads);
        expect(ga).toHaveLength(params.values.length);
        expect(gb).toHaveLength(ga.length);
        ga.forEach((v, i) => expect(Math.abs(v - gb[i])).toBeLessThan(1e-10 * (1 + Math.abs(gb[i]))));
      });
    }
  },
);
