#!/usr/bin/python3
"""An independent reference for `lab grad`: loss, logits and gradients with PyTorch autograd.

    /usr/bin/python3 bench/torch_grad.py --model m.json --data d.json

Reads a model in the `rnn-lab/model` v1 format and an RNN Lab dataset
`{ "sequences": number[][][], "labels": (string|number)[] }`, and computes in float64,
following docs/MATH.md (no L2 term):

- normalization (x - mean) / std when the model has one;
- per layer l: a_t = U x_t + W h_{t-1} + b, h~_t = tanh or relu (a_t), h_0 = 0;
  `elman`: h_t = h~_t (torch.nn.RNN, one module per layer, weight_ih = U, weight_hh = W,
  bias_ih = b, bias_hh = 0);
  `highway`: g_t = sigmoid(Ug x_t + Wg h_{t-1} + bg), h_t = g_t * h~_t + (1 - g_t) * h_{t-1}
  (written out step by step);
- stacking: x^l_t = o^{l-1}_t; o^l_t = h^l_t, or with `residual` (layers after the first)
  o^l_t = h^l_t + o^{l-1}_t; the recurrence always uses h;
- z_i = V o^D_{T_i} + B at each sequence's own last step; loss = mean cross-entropy.

Every sequence is run on its own, so padding never enters. Prints one JSON document:
{ "loss", "logits": [[...]], "grads": { "layers": [{U, W, b, Ug?, Wg?, bg?}], "head": {V, B} } }.
Exits 1 with a one-line message on stderr when a file is missing or malformed.

Python 3.11 standard library + torch only.
"""

import argparse
import decimal
import json
import math
import sys

import torch
from torch import nn


class BadInput(Exception):
    """A file is missing, is not JSON, or does not follow its format."""


# ---------------------------------------------------------------------------------------------
# Reading and checking the files


def _reject_constant(name: str):
    raise ValueError(f'{name} is not valid JSON')


def read_json(path: str, what: str):
    try:
        with open(path, encoding='utf-8') as f:
            return json.load(f, parse_constant=_reject_constant)
    except FileNotFoundError:
        raise BadInput(f'{what} file not found: {path}') from None
    except (OSError, UnicodeDecodeError) as e:
        raise BadInput(f'cannot read {what} file {path}: {e}') from None
    except ValueError as e:  # json.JSONDecodeError is a ValueError
        raise BadInput(f'{what} file {path} is not valid JSON: {e}') from None


def is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) or (isinstance(v, float) and v.is_integer())


def vector(v, n: int, where: str) -> list[float]:
    if not isinstance(v, list) or len(v) != n:
        raise BadInput(f'{where} must be an array of {n} numbers')
    for j, x in enumerate(v):
        if not is_number(x):
            raise BadInput(f'{where}[{j}] must be a finite number')
    return [float(x) for x in v]


def matrix(v, rows: int, cols: int, where: str) -> list[list[float]]:
    if not isinstance(v, list) or len(v) != rows:
        raise BadInput(f'{where} must be a {rows} x {cols} array of rows')
    return [vector(row, cols, f'{where}[{i}]') for i, row in enumerate(v)]


def positive_int(m: dict, key: str) -> int:
    v = m.get(key)
    if not is_int(v) or v < 1:
        raise BadInput(f'model: {key} must be a positive integer')
    return int(v)


def js_string(value) -> str:
    """String(value) as JavaScript writes it, for a JSON string or number."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError('not a string or number')
    x = float(value)  # a JSON number is a double in JavaScript
    if math.isnan(x):
        return 'NaN'
    if math.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    if x == 0:
        return '0'
    sign = '-' if x < 0 else ''
    # repr gives the shortest digits that round-trip, as JavaScript's algorithm does.
    digits_tuple = decimal.Decimal(repr(abs(x))).normalize().as_tuple()
    digits = ''.join(str(d) for d in digits_tuple.digits)
    k = len(digits)
    n = digits_tuple.exponent + k  # the decimal point sits after n digits
    if k <= n <= 21:
        s = digits + '0' * (n - k)
    elif 0 < n <= 21:
        s = digits[:n] + '.' + digits[n:]
    elif -6 < n <= 0:
        s = '0.' + '0' * (-n) + digits
    else:
        e = n - 1
        mant = digits if k == 1 else digits[0] + '.' + digits[1:]
        s = f'{mant}e{"+" if e >= 0 else "-"}{abs(e)}'
    return sign + s


def load_model(path: str) -> dict:
    m = read_json(path, 'model')
    if not isinstance(m, dict):
        raise BadInput('model: the file must hold a JSON object')
    if m.get('format') != 'rnn-lab/model':
        raise BadInput(f'model: format must be "rnn-lab/model", found {json.dumps(m.get("format"))}')
    if m.get('version') != 1:
        raise BadInput(f'model: version must be 1, found {json.dumps(m.get("version"))}')
    n = positive_int(m, 'inputSize')
    hidden = positive_int(m, 'hiddenSize')
    k = positive_int(m, 'numClasses')
    labels = m.get('classLabels')
    if not isinstance(labels, list) or len(labels) != k:
        raise BadInput(f'model: classLabels must be an array of numClasses ({k}) labels')
    try:
        label_strings = [js_string(c) for c in labels]
    except TypeError:
        raise BadInput('model: classLabels must hold strings') from None
    if len(set(label_strings)) != k:
        raise BadInput('model: classLabels must be distinct')
    cell = m.get('cell', 'elman')
    if cell not in ('elman', 'highway'):
        raise BadInput(f'model: cell must be "elman" or "highway", found {json.dumps(cell)}')
    activation = m.get('activation', 'tanh')
    if activation not in ('tanh', 'relu'):
        raise BadInput(f'model: activation must be "tanh" or "relu", found {json.dumps(activation)}')
    residual = m.get('residual', False)
    if not isinstance(residual, bool):
        raise BadInput('model: residual must be true or false')
    norm = m.get('normalization')
    normalization = None
    if norm is not None:
        if not isinstance(norm, dict):
            raise BadInput('model: normalization must be null or { "mean": [...], "std": [...] }')
        mean = vector(norm.get('mean'), n, 'model: normalization.mean')
        std = vector(norm.get('std'), n, 'model: normalization.std')
        if any(s <= 0 for s in std):
            raise BadInput('model: normalization.std must be positive')
        normalization = {'mean': mean, 'std': std}
    layers_in = m.get('layers')
    if not isinstance(layers_in, list) or not layers_in:
        raise BadInput('model: layers must be a non-empty array')
    layers = []
    for li, layer in enumerate(layers_in):
        where = f'model: layers[{li}]'
        if not isinstance(layer, dict):
            raise BadInput(f'{where} must be an object')
        n_in = n if li == 0 else hidden
        p = {
            'U': matrix(layer.get('U'), hidden, n_in, f'{where}.U'),
            'W': matrix(layer.get('W'), hidden, hidden, f'{where}.W'),
            'b': vector(layer.get('b'), hidden, f'{where}.b'),
        }
        if cell == 'highway':
            for key in ('Ug', 'Wg', 'bg'):
                if key not in layer:
                    raise BadInput(f'{where}.{key} is missing (cell "highway")')
            p['Ug'] = matrix(layer['Ug'], hidden, n_in, f'{where}.Ug')
            p['Wg'] = matrix(layer['Wg'], hidden, hidden, f'{where}.Wg')
            p['bg'] = vector(layer['bg'], hidden, f'{where}.bg')
        layers.append(p)
    head = m.get('head')
    if not isinstance(head, dict):
        raise BadInput('model: head must be an object { "V": [...], "B": [...] }')
    return {
        'inputSize': n,
        'hiddenSize': hidden,
        'numClasses': k,
        'classLabels': label_strings,
        'cell': cell,
        'activation': activation,
        'residual': residual,
        'normalization': normalization,
        'layers': layers,
        'head': {
            'V': matrix(head.get('V'), k, hidden, 'model: head.V'),
            'B': vector(head.get('B'), k, 'model: head.B'),
        },
    }


def load_data(path: str, model: dict) -> tuple[list[list[list[float]]], list[int]]:
    d = read_json(path, 'data')
    if not isinstance(d, dict):
        raise BadInput('data: the file must hold a JSON object { "sequences": [...], "labels": [...] }')
    seqs, labels = d.get('sequences'), d.get('labels')
    if not isinstance(seqs, list) or not isinstance(labels, list):
        raise BadInput('data: "sequences" and "labels" must both be arrays')
    if len(seqs) != len(labels):
        raise BadInput(f'data: {len(seqs)} sequences but {len(labels)} labels')
    if not seqs:
        raise BadInput('data: there are no sequences')
    n = model['inputSize']
    index = {s: i for i, s in enumerate(model['classLabels'])}
    sequences, targets = [], []
    for i, (seq, label) in enumerate(zip(seqs, labels)):
        if not isinstance(seq, list) or not seq:
            raise BadInput(f'data: sequences[{i}] must be a non-empty array of time steps')
        sequences.append([vector(step, n, f'data: sequences[{i}][{t}]') for t, step in enumerate(seq)])
        try:
            key = js_string(label)
        except TypeError:
            raise BadInput(f'data: labels[{i}] must be a string or a number') from None
        if key not in index:
            raise BadInput(f'data: labels[{i}] = {json.dumps(key)} is not one of the model\'s classLabels')
        targets.append(index[key])
    return sequences, targets


# ---------------------------------------------------------------------------------------------
# The model, with autograd

DTYPE = torch.float64


def t(values) -> torch.Tensor:
    return torch.tensor(values, dtype=DTYPE)


class ElmanLayer:
    """One torch.nn.RNN layer: weight_ih = U, weight_hh = W, bias_ih = b, bias_hh = 0."""

    def __init__(self, p: dict, activation: str) -> None:
        hidden, n_in = len(p['U']), len(p['U'][0])
        self.rnn = nn.RNN(n_in, hidden, num_layers=1, nonlinearity=activation, bias=True,
                          batch_first=True).to(DTYPE)
        with torch.no_grad():
            self.rnn.weight_ih_l0.copy_(t(p['U']))
            self.rnn.weight_hh_l0.copy_(t(p['W']))
            self.rnn.bias_ih_l0.copy_(t(p['b']))
            self.rnn.bias_hh_l0.zero_()
        self.rnn.bias_hh_l0.requires_grad_(False)

    def run(self, x: torch.Tensor) -> torch.Tensor:
        """x: T x N_l; returns h: T x L (h_0 = 0)."""
        out, _ = self.rnn(x.unsqueeze(0))
        return out.squeeze(0)

    def grads(self) -> dict:
        def g(param: torch.Tensor) -> torch.Tensor:
            return param.grad if param.grad is not None else torch.zeros_like(param)

        return {
            'U': g(self.rnn.weight_ih_l0),
            'W': g(self.rnn.weight_hh_l0),
            'b': g(self.rnn.bias_ih_l0),
        }


class HighwayLayer:
    """The highway cell of MATH.md, step by step."""

    def __init__(self, p: dict, activation: str) -> None:
        self.params = {key: t(p[key]).requires_grad_(True) for key in ('U', 'W', 'b', 'Ug', 'Wg', 'bg')}
        self.f = torch.tanh if activation == 'tanh' else torch.relu

    def run(self, x: torch.Tensor) -> torch.Tensor:
        p = self.params
        h = torch.zeros(p['W'].shape[0], dtype=DTYPE)
        hs = []
        for step in range(x.shape[0]):
            xt = x[step]
            h_tilde = self.f(p['U'] @ xt + p['W'] @ h + p['b'])
            g = torch.sigmoid(p['Ug'] @ xt + p['Wg'] @ h + p['bg'])
            h = g * h_tilde + (1 - g) * h
            hs.append(h)
        return torch.stack(hs)

    def grads(self) -> dict:
        return {
            key: (v.grad if v.grad is not None else torch.zeros_like(v)) for key, v in self.params.items()
        }


def compute(model: dict, sequences: list, targets: list) -> dict:
    torch.set_default_dtype(DTYPE)
    layer_class = ElmanLayer if model['cell'] == 'elman' else HighwayLayer
    layers = [layer_class(p, model['activation']) for p in model['layers']]
    V = t(model['head']['V']).requires_grad_(True)
    B = t(model['head']['B']).requires_grad_(True)
    norm = model['normalization']
    mean = t(norm['mean']) if norm else None
    std = t(norm['std']) if norm else None

    logits = []
    for seq in sequences:
        x = t(seq)  # T_i x N
        if norm:
            x = (x - mean) / std
        o = x
        for li, layer in enumerate(layers):
            h = layer.run(o)
            o = h + o if (model['residual'] and li > 0) else h
        logits.append(V @ o[-1] + B)
    z = torch.stack(logits)
    loss = nn.functional.cross_entropy(z, torch.tensor(targets, dtype=torch.long), reduction='mean')
    loss.backward()

    return {
        'loss': loss.item(),
        'logits': z.detach().tolist(),
        'grads': {
            'layers': [{key: g.tolist() for key, g in layer.grads().items()} for layer in layers],
            'head': {
                'V': (V.grad if V.grad is not None else torch.zeros_like(V)).tolist(),
                'B': (B.grad if B.grad is not None else torch.zeros_like(B)).tolist(),
            },
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="PyTorch (float64 autograd) reference for `lab grad`: loss, logits, gradients."
    )
    parser.add_argument('--model', required=True, help='model JSON (rnn-lab/model v1)')
    parser.add_argument('--data', required=True, help='dataset JSON { sequences, labels }')
    args = parser.parse_args(argv)
    try:
        model = load_model(args.model)
        sequences, targets = load_data(args.data, model)
        result = compute(model, sequences, targets)
        text = json.dumps(result, allow_nan=False)
    except BadInput as e:
        print(f'torch_grad: {e}', file=sys.stderr)
        return 1
    except ValueError as e:  # allow_nan=False: the loss or a gradient is not finite
        print(f'torch_grad: the result is not finite ({e})', file=sys.stderr)
        return 1
    print(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
