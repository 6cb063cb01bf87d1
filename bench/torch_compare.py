#!/usr/bin/python3
"""Training throughput: PyTorch against RNN Lab on the reference configurations.

One training step, as RNN Lab's `lab bench` does it: forward of nn.RNN (tanh, batch_first)
over all T steps, a Linear head on the last step, cross-entropy, backward,
clip_grad_norm_(params, 1.0), one Adam step (lr 1e-3). float32, one thread, fixed seed,
random normal inputs and random labels. Throughput is sequences per second
(batch * steps / seconds).

Then it runs `npm run --silent lab -- bench --json` in the repository root and prints both
columns side by side. On a shared machine the figures move with the load: each side is timed
as the best of --repeat windows of at least --seconds, and by default RNN Lab is run right
after PyTorch for each configuration (--no-interleave runs it once at the end), so both see
about the same load. The load average is printed before and after.

Run with Debian's Python, which sees Debian's PyTorch:

    /usr/bin/python3 bench/torch_compare.py [--only jv,tiny] [--seconds 2] [--repeat 3] [--json] [--no-lab]

Python 3.11 standard library + torch only.
"""

import os

# Debian's PyTorch is built against the generic BLAS interface and finds OpenBLAS through the
# libblas.so.3 alternative, so torch.set_num_threads() does not reach OpenBLAS's own thread
# pool. Pin it to one thread too, before torch (and with it OpenBLAS) is loaded.
os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')
os.environ.setdefault('OMP_NUM_THREADS', '1')

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import torch  # noqa: E402
from torch import nn  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
LAB_COMMAND = ['npm', 'run', '--silent', 'lab', '--', 'bench', '--json']
WARMUP_STEPS = 5
SEED = 1234


@dataclass(frozen=True)
class Config:
    name: str
    n: int  # input features
    hidden: int  # L
    classes: int  # K
    steps: int  # T
    batch: int
    layers: int  # D

    def shape(self) -> str:
        return (
            f'N={self.n} L={self.hidden} K={self.classes} T={self.steps} '
            f'B={self.batch} D={self.layers}'
        )


CONFIGS = [
    Config('jv', 12, 64, 9, 29, 32, 1),
    Config('jv2', 12, 64, 9, 29, 32, 2),
    Config('long', 1, 128, 2, 100, 64, 1),
    Config('long2', 1, 128, 2, 100, 64, 2),
    Config('wide', 3, 256, 4, 50, 32, 1),
    Config('tiny', 2, 16, 2, 20, 8, 1),
    # Not one of the six of the issue: a long-T case whose gradient vanishes into subnormal
    # floats (PyTorch does not flush them to zero unless torch.set_flush_denormal(True)).
    Config('vanish', 1, 128, 2, 300, 32, 1),
]


def blas_library() -> str:
    """The BLAS actually loaded into this process (not only what the build says)."""
    # Make sure the BLAS is loaded: a float matmul big enough to go through gemm.
    a = torch.ones(8, 8)
    _ = a @ a
    libs = set()
    try:
        with open('/proc/self/maps', encoding='utf-8') as maps:
            for line in maps:
                path = line.split()[-1] if line.split() else ''
                low = os.path.basename(path).lower()
                if any(key in low for key in ('openblas', 'libblas', 'mkl', 'blis', 'atlas')):
                    libs.add(path)
    except OSError:
        pass
    match = re.search(r'BLAS_INFO=([^,\s]+)', torch.__config__.show())
    build = match.group(1) if match else 'unknown'
    openblas = sorted(p for p in libs if 'openblas' in os.path.basename(p).lower())
    if openblas:
        return f'OpenBLAS ({openblas[0]}; build BLAS_INFO={build})'
    if libs:
        return f'{", ".join(sorted(libs))} (build BLAS_INFO={build}; not OpenBLAS: expect it to be slow)'
    return f'BLAS_INFO={build}'


class Net(nn.Module):
    def __init__(self, cfg: Config) -> None:
        super().__init__()
        self.rnn = nn.RNN(
            cfg.n, cfg.hidden, num_layers=cfg.layers, nonlinearity='tanh', batch_first=True
        )
        self.head = nn.Linear(cfg.hidden, cfg.classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.rnn(x)
        return self.head(out[:, -1, :])


def time_pytorch(cfg: Config, seconds: float, repeat: int = 1) -> dict:
    torch.manual_seed(SEED)
    net = Net(cfg)
    params = list(net.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.randn(cfg.batch, cfg.steps, cfg.n)
    y = torch.randint(0, cfg.classes, (cfg.batch,))

    def step() -> None:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(net(x), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()

    for _ in range(WARMUP_STEPS):
        step()
    best = None
    for _ in range(max(1, repeat)):
        steps = 0
        start = time.perf_counter()
        while True:
            step()
            steps += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        window = {
            'steps': steps,
            'seconds': elapsed,
            'sequencesPerSecond': cfg.batch * steps / elapsed,
        }
        if best is None or window['sequencesPerSecond'] > best['sequencesPerSecond']:
            best = window
    return best


def run_lab(
    timeout: float, extra: list[str] | None = None
) -> tuple[dict | None, str | None]:
    """Runs `lab bench --json`; returns ({name: sequencesPerSecond}, None) or (None, why)."""
    try:
        proc = subprocess.run(
            LAB_COMMAND + (extra or []),
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except FileNotFoundError:
        return None, 'npm was not found on PATH'
    except subprocess.TimeoutExpired:
        return None, f'`{" ".join(LAB_COMMAND)}` took longer than {timeout:.0f} s'
    if proc.returncode != 0:
        lines = [ln.strip() for ln in (proc.stderr + '\n' + proc.stdout).splitlines() if ln.strip()]
        # The most telling line is usually an error line; fall back to the last one.
        detail = next((ln for ln in lines if 'error' in ln.lower()), lines[-1] if lines else '')
        err = proc.stderr.lower()
        if any(k in err for k in ('unknown command', 'missing script', 'err_module_not_found')):
            return None, f'`lab bench` is not available yet ({detail[:160]})'
        return None, f'`lab bench` exited with {proc.returncode}: {detail[:200]}'
    text = proc.stdout
    doc = None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError:
        start, end = text.find('{'), text.rfind('}')
        if start >= 0 and end > start:
            try:
                doc = json.loads(text[start : end + 1])
            except json.JSONDecodeError:
                doc = None
    if not isinstance(doc, dict) or not isinstance(doc.get('configs'), list):
        return None, '`lab bench --json` did not print { "configs": [...] }'
    result = {}
    for entry in doc['configs']:
        if isinstance(entry, dict) and isinstance(entry.get('name'), str):
            sps = entry.get('sequencesPerSecond')
            if isinstance(sps, (int, float)) and not isinstance(sps, bool):
                result[entry['name']] = float(sps)
    return result, None


def fmt(value: float | None) -> str:
    if value is None:
        return '-'
    return f'{value:,.0f}' if value >= 100 else f'{value:.3g}'


def main() -> int:
    parser = argparse.ArgumentParser(
        description='PyTorch vs RNN Lab training throughput on the reference configurations.'
    )
    parser.add_argument('--only', help='comma-separated config names (default: all): '
                        + ','.join(c.name for c in CONFIGS))
    parser.add_argument('--seconds', type=float, default=2.0,
                        help='minimum timed seconds per config (default 2)')
    parser.add_argument('--repeat', type=int, default=3,
                        help='timed windows per config and side; the best counts (default 3)')
    parser.add_argument('--lab-threads', type=int, default=1,
                        help='threads RNN Lab splits each batch across (`lab bench --threads`; default 1)')
    parser.add_argument('--no-interleave', action='store_true',
                        help='run `lab bench` once after all of PyTorch, not per configuration')
    parser.add_argument('--json', action='store_true', help='print one JSON document')
    parser.add_argument('--no-lab', action='store_true', help='do not run `lab bench`')
    parser.add_argument('--lab-timeout', type=float, default=900.0,
                        help='seconds to wait for `lab bench` (default 900)')
    args = parser.parse_args()

    configs = CONFIGS
    if args.only:
        wanted = [w.strip() for w in args.only.split(',') if w.strip()]
        known = {c.name for c in CONFIGS}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            parser.error(f'unknown config(s): {", ".join(unknown)} (known: {", ".join(sorted(known))})')
        configs = [c for c in CONFIGS if c.name in wanted]
    if args.seconds <= 0:
        parser.error('--seconds must be positive')
    if args.repeat < 1:
        parser.error('--repeat must be at least 1')

    torch.set_num_threads(1)
    blas = blas_library()
    log = sys.stderr if args.json else sys.stdout
    print(f'PyTorch {torch.__version__}, BLAS: {blas}', file=log)
    print(f'threads: torch {torch.get_num_threads()}, OPENBLAS_NUM_THREADS='
          f'{os.environ.get("OPENBLAS_NUM_THREADS")}; float32; best of {args.repeat} windows '
          f'of >= {args.seconds:g} s per config and side', file=log, flush=True)
    load_before = os.getloadavg()
    print('load average before: ' + ', '.join(f'{x:.2f}' for x in load_before), file=log, flush=True)

    lab_flags = ['--seconds', f'{args.seconds:g}', '--repeat', str(args.repeat)]
    if args.lab_threads > 1:
        lab_flags += ['--threads', str(args.lab_threads)]
        print(f'RNN Lab splits each batch across {args.lab_threads} threads', file=log, flush=True)
    torch_results = {}
    lab: dict | None = None if args.no_lab else {}
    lab_error = 'skipped (--no-lab)' if args.no_lab else None
    for cfg in configs:
        print(f'  timing PyTorch {cfg.name} ({cfg.shape()}) ...', file=sys.stderr, flush=True)
        torch_results[cfg.name] = time_pytorch(cfg, args.seconds, args.repeat)
        if lab is not None and not args.no_interleave:
            print(f'  timing RNN Lab {cfg.name} ...', file=sys.stderr, flush=True)
            one, lab_error = run_lab(args.lab_timeout, ['--only', cfg.name, *lab_flags])
            if one is None:
                lab = None
            else:
                lab.update(one)

    if lab is not None and args.no_interleave:
        print('  running RNN Lab: ' + ' '.join(LAB_COMMAND), file=sys.stderr, flush=True)
        lab, lab_error = run_lab(args.lab_timeout, lab_flags)
    load_after = os.getloadavg()
    print('load average after: ' + ', '.join(f'{x:.2f}' for x in load_after), file=log, flush=True)

    rows = []
    for cfg in configs:
        t = torch_results[cfg.name]['sequencesPerSecond']
        r = lab.get(cfg.name) if lab is not None else None
        rows.append((cfg, r, t, (r / t) if r is not None and t > 0 else None))

    if args.json:
        doc = {
            'torch': {
                'version': torch.__version__,
                'blas': blas,
                'threads': torch.get_num_threads(),
                'dtype': 'float32',
            },
            'repeat': args.repeat,
            'seconds': args.seconds,
            'loadAverage': {'before': list(load_before), 'after': list(load_after)},
            'lab': {'ok': lab is not None, 'error': lab_error, 'command': ' '.join(LAB_COMMAND)},
            'configs': [
                {
                    'name': cfg.name,
                    'inputSize': cfg.n,
                    'hiddenSize': cfg.hidden,
                    'numClasses': cfg.classes,
                    'steps': cfg.steps,
                    'batch': cfg.batch,
                    'layers': cfg.layers,
                    'labSequencesPerSecond': r,
                    'pytorchSequencesPerSecond': t,
                    'pytorchSteps': torch_results[cfg.name]['steps'],
                    'pytorchSeconds': torch_results[cfg.name]['seconds'],
                    'ratio': ratio,
                }
                for cfg, r, t, ratio in rows
            ],
        }
        print(json.dumps(doc, indent=2))
        return 0

    print()
    if lab is None:
        print(f'RNN Lab column left out: {lab_error}')
        header = ('config', 'shape', 'PyTorch seq/s')
        table = [(cfg.name, cfg.shape(), fmt(t)) for cfg, _, t, _ in rows]
    else:
        header = ('config', 'shape', 'RNN Lab seq/s', 'PyTorch seq/s', 'ratio (Lab/PyTorch)')
        table = [
            (cfg.name, cfg.shape(), fmt(r), fmt(t), '-' if ratio is None else f'{ratio:.2f}')
            for cfg, r, t, ratio in rows
        ]
    widths = [max(len(str(row[i])) for row in [header, *table]) for i in range(len(header))]

    def line(cells: tuple) -> str:
        # Text columns left-aligned, numbers right-aligned.
        return '  '.join(
            str(c).ljust(w) if i < 2 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths))
        )

    print(line(header))
    print('  '.join('-' * w for w in widths))
    for row in table:
        print(line(row))
    if lab is not None:
        missing = [cfg.name for cfg, r, _, _ in rows if r is None]
        if missing:
            print(f'(`lab bench` reported no result for: {", ".join(missing)})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
