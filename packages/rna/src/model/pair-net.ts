// The 2D residual network over pair features, in two twins of the same depth and width: 'cnn' (plain
// 3×3 kernels, output symmetrized as (Y + Yᵀ)/2 so its scores are symmetric too) and 'scnn' (symmetric
// 3×3 kernels with 6 free taps: every map is symmetric by construction). Input [batch, L, L, 18] for
// any L; output pair logits [batch, L, L, 1].
import { InvalidArgumentError, batchNormActivation, countParameters, plainConv2d, symmetricConv2d, symmetrizeLayer } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import { PAIR_FEATURE_COUNT } from '../featurize/pair-features.js';

export type PairNetKind = 'cnn' | 'scnn';
export const PAIR_NET_KINDS: readonly PairNetKind[] = ['cnn', 'scnn'];

export interface PairNetConfig {
  kind: PairNetKind;
  /** Channels of every hidden map. @default 24 */
  channels?: number;
  /** Dilation of the first conv of each residual block (one block per entry). @default [1, 2, 4, 8, 1, 2, 4, 8] */
  dilations?: number[];
}

export type ResolvedPairNetConfig = Required<PairNetConfig>;

export function resolvePairNetConfig(config: PairNetConfig): ResolvedPairNetConfig {
  const resolved = { channels: 24, dilations: [1, 2, 4, 8, 1, 2, 4, 8], ...config };
  if (!PAIR_NET_KINDS.includes(resolved.kind)) throw new InvalidArgumentError('kind', resolved.kind, PAIR_NET_KINDS.join(' | '));
  if (!Number.isInteger(resolved.channels) || resolved.channels < 1) throw new InvalidArgumentError('channels', resolved.channels, 'a positive integer');
  if (resolved.dilations.length === 0 || resolved.dilations.some((d) => !Number.isInteger(d) || d < 1)) throw new InvalidArgumentError('dilations', resolved.dilations, 'positive integers');
  return resolved;
}

export interface PairNet {
  config: ResolvedPairNetConfig;
  model: tf.LayersModel;
  parameters(): { total: number; conv: number; plainConv: number; convRatio: number };
}

export function createPairNet(config: PairNetConfig): PairNet {
  const c = resolvePairNetConfig(config);
  const symmetric = c.kind === 'scnn';
  const conv = (dilationRate: number, name: string) =>
    symmetric ? symmetricConv2d({ filters: c.channels, kernelSize: 3, dilationRate, padding: 'same', name }) : plainConv2d({ filters: c.channels, kernelSize: 3, dilationRate, padding: 'same', name });
  const input = tf.input({ shape: [null, null, PAIR_FEATURE_COUNT], name: 'pair_features' });
  let h = conv(1, 'stem').apply(input) as tf.SymbolicTensor;
  c.dilations.forEach((dilation, b) => {
    let r = batchNormActivation({ activation: 'relu', name: `block${b + 1}_bn1` }).apply(h) as tf.SymbolicTensor;
    r = conv(dilation, `block${b + 1}_conv1_d${dilation}`).apply(r) as tf.SymbolicTensor;
    r = batchNormActivation({ activation: 'relu', name: `block${b + 1}_bn2` }).apply(r) as tf.SymbolicTensor;
    r = conv(1, `block${b + 1}_conv2`).apply(r) as tf.SymbolicTensor;
    h = tf.layers.add({ name: `block${b + 1}_add` }).apply([h, r]) as tf.SymbolicTensor;
  });
  h = batchNormActivation({ activation: 'relu', name: 'head_bn' }).apply(h) as tf.SymbolicTensor;
  // a 1×1 conv keeps symmetry; the plain twin's output is symmetrized so both score pairs, not cells
  let logits = plainConv2d({ filters: 1, kernelSize: 1, name: 'pair_logits' }).apply(h) as tf.SymbolicTensor;
  if (!symmetric) logits = symmetrizeLayer({ name: 'symmetrize' }).apply(logits) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: logits, name: symmetric ? 'scnn_pair_net' : 'cnn_pair_net' });
  return {
    config: c,
    model,
    parameters() {
      const count = countParameters(model);
      return { total: count.total, conv: count.conv, plainConv: count.plainConv, convRatio: count.convRatio };
    },
  };
}
