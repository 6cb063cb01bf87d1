// Live progress of runs going through the run manager: a bar per run on a terminal, a line
// per finished run otherwise (on stderr, so stdout stays the result).

import { MultiBar } from 'cli-progress';
import type { SingleBar } from 'cli-progress';
import type { RunEvent } from '../runs/runEvents';
import type { RunManager } from '../runs/runManager';
import { formatPercent } from './output';

export function showRunProgress(manager: RunManager, names: Map<number, string>, quiet: boolean): () => void {
  if (quiet) return () => undefined;
  const tty = process.stderr.isTTY === true;
  const multi = tty
    ? new MultiBar({
        format: '{name} [{bar}] {percentage}% epoch {epoch} loss {loss} val {val} eta {eta}s',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
      })
    : null;
  const bars = new Map<number, SingleBar>();
  const width = Math.max(...[...names.values()].map((n) => n.length), 4);
  const barFor = (runId: number): SingleBar | null => {
    if (!multi) return null;
    let bar = bars.get(runId);
    if (!bar) {
      bar = multi.create(100, 0, {
        name: (names.get(runId) ?? `run ${runId}`).padEnd(width),
        epoch: 0,
        loss: '-',
        val: '-',
        eta: '-',
      });
      bars.set(runId, bar);
    }
    return bar;
  };
  const off = manager.on((event: RunEvent) => {
    if (event.type === 'progress') {
      const p = event.progress;
      barFor(p.runId)?.update(Math.round(100 * p.fraction), {
        epoch: `${p.epoch}/${p.totalEpochs}`,
        loss: p.loss.toFixed(4),
        val: formatPercent(p.valAccuracy),
        eta: p.etaSeconds === null ? '-' : Math.round(p.etaSeconds),
      });
    } else if (event.type === 'status' && !['queued', 'running'].includes(event.status)) {
      const name = names.get(event.runId) ?? `run ${event.runId}`;
      if (multi) {
        barFor(event.runId)?.update({ eta: event.status });
      } else {
        process.stderr.write(
          `run ${event.runId} (${name}): ${event.status}${event.error ? `: ${event.error}` : ''}\n`,
        );
      }
    }
  });
  return () => {
    off();
    multi?.stop();
  };
}
