import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initEngine } from '../engine/backend.js';
import { symmetryError } from '../featurize/symmetrize.js';
import { randomSymmetricMap } from '../testing/helpers.js';
import { createResidualPairNet } from './residual-pair-net.js';

await initEngine();

describe('createResidualPairNet', () => {
  it.each(['scnn', 'cnn'] as const)('%s: symmetric pair logits for a symmetric input of any size', (kind) => {
    const net = createResidualPairNet({ kind, inputChannels: 5, channels: 6, dilations: [1, 3] });
    for (const L of [7, 12]) {
      const y = net.model.predict(randomSymmetricMap([2, L, L, 5])) as tf.Tensor4D;
      expect(y.shape).toEqual([2, L, L, 1]);
      expect(symmetryError(y)).toBeLessThan(1e-5);
      y.dispose();
    }
  });

  it('the twins differ only in kernel tying: 6 of 9 taps per 3×3 kernel', () => {
    const [cnn, scnn] = (['cnn', 'scnn'] as const).map((kind) => createResidualPairNet({ kind, inputChannels: 5, channels: 6, dilations: [1, 3] }).parameters());
    const taps = (t: number) => t * 5 * 6 + 6 + 2 * 2 * (t * 6 * 6 + 6) + 6 + 1;
    expect([cnn!.conv, scnn!.conv]).toEqual([taps(9), taps(6)]);
    expect(scnn!.plainConv).toBe(cnn!.conv);
    expect(() => createResidualPairNet({ kind: 'cnn', inputChannels: 0 })).toThrow(/inputChannels/);
  });
});
