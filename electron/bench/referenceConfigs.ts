// The reference shapes that `lab bench` and bench/torch_compare.py time (issue: the RNN core),
// and `vanish`, a long-T case whose gradient vanishes into subnormal floats (issue 7).

export interface BenchConfig {
  name: string;
  /** N features, L hidden, K classes, T steps, batch size, D layers. */
  inputSize: number;
  hiddenSize: number;
  numClasses: number;
  steps: number;
  batchSize: number;
  numLayers: number;
}

export const config = (name: string, ...[N, L, K, T, B, D]: number[]): BenchConfig => ({
  name,
  inputSize: N,
  hiddenSize: L,
  numClasses: K,
  steps: T,
  batchSize: B,
  numLayers: D,
});

export const referenceConfigs: BenchConfig[] = [
  config('jv', 12, 64, 9, 29, 32, 1),
  config('jv2', 12, 64, 9, 29, 32, 2),
  config('long', 1, 128, 2, 100, 64, 1),
  config('long2', 1, 128, 2, 100, 64, 2),
  config('wide', 3, 256, 4, 50, 32, 1),
  config('tiny', 2, 16, 2, 20, 8, 1),
  // With PyTorch's default initialization dE/dh_t shrinks by about half a step, so after some
  // 100 of these 300 steps it is below 1e-30 and then subnormal (below 1.2e-38).
  config('vanish', 1, 128, 2, 300, 32, 1),
];
