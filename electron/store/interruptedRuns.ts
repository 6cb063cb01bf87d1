// Runs cut off when the app stopped: at start-up, every run still queued or running becomes
// 'interrupted'. Its committed metrics stay as they are, and its summary gets what they
// support, so the run list still shows how far it got.

import type Database from 'better-sqlite3';

export const INTERRUPTED_WHILE_RUNNING =
  'RNN Lab stopped while this run was training; the metrics recorded until then are kept.';
export const INTERRUPTED_BEFORE_START = 'RNN Lab stopped before this queued run could start.';

interface FigureRow {
  name: 'loss' | 'train_loss' | 'val_accuracy' | 'test_accuracy';
  count: number;
  last: number | null;
  last_step: number | null;
  best: number | null;
  best_step: number | null;
}

export class InterruptedRuns {
  private readonly selectOpen: Database.Statement<[], { id: number; status: string }>;
  private readonly selectFigures: Database.Statement<[number], FigureRow>;
  private readonly selectPoint: Database.Statement<[number, string, number], { epoch: number; wall: number }>;
  private readonly update: Database.Statement<[Record<string, unknown>]>;

  constructor(private readonly db: Database.Database) {
    this.selectOpen = db.prepare("SELECT id, status FROM runs WHERE status IN ('queued', 'running')");
    this.selectFigures = db.prepare(
      `SELECT n.name, s.count, s.last, s.last_step, s.best, s.best_step
       FROM metric_summaries s JOIN metric_names n ON n.id = s.metric_id
       WHERE s.run_id = ? AND n.name IN ('loss', 'train_loss', 'val_accuracy', 'test_accuracy')`,
    );
    this.selectPoint = db.prepare(
      `SELECT epoch, wall FROM metrics
       WHERE run_id = ? AND metric_id = (SELECT id FROM metric_names WHERE name = ?) AND step = ?`,
    );
    this.update = db.prepare(
      `UPDATE runs SET status = 'interrupted', error = @error, epochs = @epochs, steps = @steps,
         best_val_accuracy = @bestValAccuracy, best_epoch = @bestEpoch,
         final_test_accuracy = @finalTestAccuracy, final_train_loss = @finalTrainLoss, seconds = @seconds
       WHERE id = @id`,
    );
  }

  /** Returns how many runs were marked. ended_at stays null: when the app stopped is unknown. */
  markAll(): number {
    return this.db.transaction(() => {
      const open = this.selectOpen.all();
      for (const { id, status } of open) {
        this.update.run({
          id,
          error: status === 'running' ? INTERRUPTED_WHILE_RUNNING : INTERRUPTED_BEFORE_START,
          ...this.figuresOf(id),
        });
      }
      return open.length;
    })();
  }

  private figuresOf(id: number): Record<string, number | null> {
    const figures = new Map(this.selectFigures.all(id).map((row) => [row.name, row]));
    const loss = figures.get('loss');
    const trainLoss = figures.get('train_loss');
    const val = figures.get('val_accuracy');
    const at = (name: string, step: number | null | undefined) =>
      step === null || step === undefined ? undefined : this.selectPoint.get(id, name, step);
    const walls = [at('loss', loss?.last_step)?.wall, at('train_loss', trainLoss?.last_step)?.wall];
    const known = walls.filter((w): w is number => w !== undefined);
    return {
      epochs: trainLoss?.count ?? 0,
      steps: loss?.last_step ?? 0,
      bestValAccuracy: val?.best ?? null,
      bestEpoch: at('val_accuracy', val?.best_step)?.epoch ?? null,
      finalTestAccuracy: figures.get('test_accuracy')?.last ?? null,
      finalTrainLoss: trainLoss?.last ?? null,
      seconds: known.length === 0 ? null : Math.max(...known),
    };
  }
}
