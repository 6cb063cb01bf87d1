// The parameter update rules of MATH.md, "Optimizers": SGD, momentum, AdaGrad, RMSProp and Adam.
// Each is one loop over the flat parameter buffer; its state buffers share the parameter layout
// and are allocated once, in the training precision, so a step allocates nothing.

import type { FloatArray, Precision } from '../numeric';
import { allocate } from '../numeric';
import type { OptimizerConfig, OptimizerName } from './config';

export interface Optimizer {
  readonly config: OptimizerConfig;
  /** Updates `values` in place from `grads` (both of the optimizer's size); `grads` is not changed. */
  step(values: FloatArray, grads: FloatArray): void;
  /** Steps taken so far (Adam's t after the step is stepCount). */
  readonly stepCount: number;
}

const defaultLearningRates: Record<OptimizerName, number> = {
  sgd: 0.1,
  momentum: 0.01,
  adagrad: 0.01,
  rmsprop: 1e-3,
  adam: 1e-3,
};

export function defaultOptimizerConfig(
  kind: OptimizerName,
  lr = defaultLearningRates[kind],
): OptimizerConfig {
  switch (kind) {
    case 'sgd':
      return { kind, lr };
    case 'momentum':
      return { kind, lr, momentum: 0.9 };
    case 'adagrad':
      return { kind, lr, eps: 1e-8 };
    case 'rmsprop':
      return { kind, lr, rho: 0.9, eps: 1e-8 };
    case 'adam':
      return { kind, lr, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
  }
}

/** One update of the whole buffer; t is the 1-based step number. */
type Update = (values: FloatArray, grads: FloatArray, t: number) => void;

export function createOptimizer(config: OptimizerConfig, size: number, precision: Precision): Optimizer {
  const frozen: OptimizerConfig = { ...config };
  const update = createUpdate(frozen, size, precision);
  let stepCount = 0;
  return {
    config: frozen,
    get stepCount() {
      return stepCount;
    },
    step(values, grads) {
      if (values.length !== size || grads.length !== size) {
        throw new Error(`optimizer of size ${size} got ${values.length} values and ${grads.length} grads`);
      }
      stepCount += 1;
      update(values, grads, stepCount);
    },
  };
}

function createUpdate(config: OptimizerConfig, size: number, precision: Precision): Update {
  switch (config.kind) {
    case 'sgd': {
      const { lr } = config;
      return (values, grads) => {
        for (let i = 0; i < size; i++) values[i] -= lr * grads[i];
      };
    }
    case 'momentum': {
      const { lr, momentum } = config;
      const velocity = allocate(precision, size);
      return (values, grads) => {
        for (let i = 0; i < size; i++) {
          const v = momentum * velocity[i] + grads[i];
          velocity[i] = v;
          values[i] -= lr * v;
        }
      };
    }
    case 'adagrad': {
      const { lr, eps } = config;
      const sumSquares = allocate(precision, size);
      return (values, grads) => {
        for (let i = 0; i < size; i++) {
          const g = grads[i];
          const G = sumSquares[i] + g * g;
          sumSquares[i] = G;
          values[i] -= (lr * g) / (Math.sqrt(G) + eps);
        }
      };
    }
    case 'rmsprop': {
      const { lr, rho, eps } = config;
      const meanSquares = allocate(precision, size);
      return (values, grads) => {
        for (let i = 0; i < size; i++) {
          const g = grads[i];
          const S = rho * meanSquares[i] + (1 - rho) * g * g;
          meanSquares[i] = S;
          values[i] -= (lr * g) / (Math.sqrt(S) + eps);
        }
      };
    }
    case 'adam': {
      const { lr, beta1, beta2, eps } = config;
      const firstMoment = allocate(precision, size);
      const secondMoment = allocate(precision, size);
      return (values, grads, t) => {
        const correction1 = 1 - Math.pow(beta1, t);
        const correction2 = 1 - Math.pow(beta2, t);
        for (let i = 0; i < size; i++) {
          const g = grads[i];
          const m = beta1 * firstMoment[i] + (1 - beta1) * g;
          const v = beta2 * secondMoment[i] + (1 - beta2) * g * g;
          firstMoment[i] = m;
          secondMoment[i] = v;
          values[i] -= (lr * (m / correction1)) / (Math.sqrt(v / correction2) + eps);
        }
      };
    }
  }
}
