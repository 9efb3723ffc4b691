import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeError } from '../errors.js';
import { symmetryError } from '../featurize/symmetrize.js';
import { backendsUnderTest, expectClose, onBackend, randomSymmetricMap } from '../testing/helpers.js';
import { SymmetricConv2D, symmetricConv2d } from './symmetric-conv2d.js';

const backends = await backendsUnderTest();
const grid = [1, 3, 5, 7].flatMap((k) => [1, 2].flatMap((d) => (['same', 'valid'] as const).map((padding) => ({ k, d, padding }))));
const L = 16;

describe.each(backends)('symmetricConv2d on %s', (backend) => {
  it.each(grid)('k=$k dilation=$d $padding: symmetric output, equal to conv2d with its kernel, k(k+1)/2 taps', ({ k, d, padding }) =>
    onBackend(backend, () => {
      const layer = symmetricConv2d({ filters: 3, kernelSize: k, dilationRate: d, padding, activation: 'linear', biasInitializer: 'randomNormal' });
      const x = randomSymmetricMap([2, L, L, 2]);
      const y = layer.apply(x) as tf.Tensor4D;
      const span = (k - 1) * d;
      expect(y.shape).toEqual([2, padding === 'same' ? L : L - span, padding === 'same' ? L : L - span, 3]);
      expect(symmetryError(y)).toBeLessThan(1e-5);

      const kernel = layer.materializeKernel();
      const kernelValues = kernel.arraySync() as number[][][][];
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) expect(kernelValues[a]![b]).toEqual(kernelValues[b]![a]);
      const bias = layer.getWeights()[1]!;
      const reference = tf.add(tf.conv2d(x, kernel, 1, padding, 'NHWC', d), bias);
      expectClose(y, reference as tf.Tensor, 1e-5);

      expect(layer.getWeights()[0]!.shape).toEqual([(k * (k + 1)) / 2, 2, 3]);
      expect(layer.countParams()).toBe(((k * (k + 1)) / 2) * 2 * 3 + 3);
      expect(layer.plainParameterCount()).toBe(k * k * 2 * 3 + 3);
      tf.dispose([x, y, kernel, reference]);
      layer.dispose();
    }),
  );

  it('stays symmetric after 50 Adam steps and learns', () =>
    onBackend(backend, () => {
      const layer = symmetricConv2d({ filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same' });
      const x = randomSymmetricMap([2, 10, 10, 2], 3);
      const target = randomSymmetricMap([2, 10, 10, 2], 4);
      layer.apply(x);
      const optimizer = tf.train.adam(0.05);
      const loss = () => tf.losses.meanSquaredError(target, layer.apply(x) as tf.Tensor) as tf.Scalar;
      const first = loss().dataSync()[0]!;
      optimizer.minimize(loss, true)?.dispose(); // creates Adam's moment slots
      const before = tf.memory().numTensors;
      for (let step = 1; step < 50; step++) optimizer.minimize(loss, true)?.dispose();
      expect(tf.memory().numTensors).toBe(before);
      const y = layer.apply(x) as tf.Tensor4D;
      expect(symmetryError(y)).toBeLessThan(1e-5);
      const kernel = layer.materializeKernel();
      expectClose(kernel, tf.transpose(kernel, [1, 0, 2, 3]), 0, 0);
      expect(loss().dataSync()[0]!).toBeLessThan(first);
      tf.dispose([x, target, y, kernel]);
      optimizer.dispose();
      layer.dispose();
    }),
  );

  it('gradients match finite differences', () =>
    onBackend(backend, () => {
      const layer = symmetricConv2d({ filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same', activation: 'tanh' });
      const x = randomSymmetricMap([1, 7, 7, 2], 5);
      const probe = tf.randomNormal([1, 7, 7, 2], 0, 1, 'float32', 6);
      layer.apply(x);
      const taps = layer.trainableWeights[0]!.read() as tf.Variable;
      const f = () => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, probe)) as tf.Scalar;
      const { grads } = tf.variableGrads(f, [taps]);
      const analytic = grads[taps.name]!.dataSync();
      const values = taps.dataSync().slice();
      const eps = 1e-2;
      for (const i of [0, 3, 7, 11, values.length - 1]) {
        const bump = (delta: number) => {
          const v = values.slice();
          v[i] = v[i]! + delta;
          taps.assign(tf.tensor(v, taps.shape));
          return f().dataSync()[0]!;
        };
        const numeric = (bump(eps) - bump(-eps)) / (2 * eps);
        expect(Math.abs(numeric - analytic[i]!)).toBeLessThan(2e-2 * Math.max(1, Math.abs(numeric)));
      }
      tf.dispose([x, probe, grads[taps.name]!]);
      layer.dispose();
    }),
  );
});

describe('symmetricConv2d arguments', () => {
  it.each([
    [{ filters: 2, kernelSize: 4 }, 'kernelSize', 4],
    [{ filters: 2, kernelSize: [3, 5] as [number, number] }, 'kernelSize', [3, 5]],
    [{ filters: 0, kernelSize: 3 }, 'filters', 0],
    [{ filters: 2, kernelSize: 3, dilationRate: 1.5 }, 'dilationRate', 1.5],
    [{ filters: 2, kernelSize: 3, padding: 'causal' as 'same' }, 'padding', 'causal'],
    [{ filters: 2, kernelSize: 3, activation: 'softmax' as 'relu' }, 'activation', 'softmax'],
    [{ filters: 2, kernelSize: 3, kernelInitializer: 'nope' as 'zeros' }, 'kernelInitializer', 'nope'],
  ])('%o throws InvalidArgumentError naming %s', (args, argument, value) => {
    try {
      symmetricConv2d(args);
      expect.unreachable();
    } catch (error) {
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe(argument);
      expect((error as InvalidArgumentError).value).toEqual(value);
      expect((error as Error).message).toContain(argument);
    }
  });

  it('rejects a non-square input and a channel mismatch with ShapeError', () => {
    const layer = symmetricConv2d({ filters: 2, kernelSize: 3, padding: 'same' });
    const nonSquare = tf.zeros([1, 6, 7, 2]);
    expect(() => layer.apply(nonSquare)).toThrowError(/square/);
    expect(() => layer.apply(nonSquare)).toThrowError(ShapeError);
    layer.apply(tf.zeros([1, 6, 6, 2]));
    try {
      layer.apply(tf.zeros([1, 6, 6, 3]));
      expect.unreachable();
    } catch (error) {
      expect(ShapeError.isInstance(error)).toBe(true);
      expect((error as ShapeError).shape).toEqual([1, 6, 6, 3]);
      expect((error as Error).message).toMatch(/2 channels/);
    }
  });

  it('is registered for serialization under its class name', () => {
    expect(tf.serialization.SerializationMap.getMap().classNameMap[SymmetricConv2D.className]).toBeDefined();
  });
});
