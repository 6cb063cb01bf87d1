import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../../core/api/entities';
import { labMethodSchemas } from '../../../core/api/labMethods';
import { formatBuiltinSpec, parseBuiltinSpec } from '../../../core/data/synthetic';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { gridCells } from '../../../core/train/gridAxes';
import { findTryItDataset, TRY_IT_SPEC, tryItGrid } from '../../../renderer/src/runs/tryIt';

describe('try it', () => {
  it('names the temporal order task at T = 50 by its canonical spec (as imported datasets record it)', () => {
    const parsed = parseBuiltinSpec('builtin:temporal-order?T=50');
    expect(parsed.ok && formatBuiltinSpec(parsed.value)).toBe(TRY_IT_SPEC);
  });

  it('finds the dataset among the lab’s', () => {
    const record = (id: number, format: string, sources: string[]) =>
      ({ id, format, sources }) as DatasetRecord;
    const datasets = [
      record(1, 'ts', [TRY_IT_SPEC]),
      record(2, 'builtin', ['builtin:waveforms']),
      record(3, 'builtin', [TRY_IT_SPEC]),
    ];
    expect(findTryItDataset(datasets)?.id).toBe(3);
    expect(findTryItDataset(datasets.slice(0, 2))).toBeUndefined();
  });

  it('is a valid 4-run grid: Elman vs highway, clipped vs unclipped, without early stopping', () => {
    const args = tryItGrid(defaultTrainConfig, 7);
    expect(labMethodSchemas['runs.createGrid'].safeParse(args).success).toBe(true);
    const grid = gridCells(
      args.base,
      args.axes.map((a) => ({ key: a.key, values: a.values.map(String) })),
    );
    if (!grid.ok) throw new Error(grid.message);
    expect(grid.cells.map((cell) => cell.name)).toEqual([
      'cell=elman clip-norm=1',
      'cell=elman clip-norm=none',
      'cell=highway clip-norm=1',
      'cell=highway clip-norm=none',
    ]);
    expect(grid.cells.every((cell) => cell.config.patience === null)).toBe(true);
    expect(grid.cells[1].config.clip).toEqual({ maxNorm: null, maxValue: null });
    expect(args.datasetId).toBe(7);
  });
});
