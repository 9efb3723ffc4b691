// A residual 2D network over symmetric pair features, in two twins of the same depth and width: 'cnn'
// (plain 3×3 kernels; its output is symmetrized, (Y + Yᵀ)/2, so it scores pairs like its twin) and
// 'scnn' (symmetric 3×3 kernels with 6 free taps: every map is symmetric by construction). Input
// [batch, L, L, inputChannels] for any L; output pair logits [batch, L, L, 1]. RNA and protein build
// their models from it.
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors.js';
import { symmetrizeLayer } from '../featurize/symmetrize.js';
import { batchNormActivation } from '../layers/batch-norm-activation.js';
import { plainConv2d } from '../layers/plain-conv2d.js';
import { symmetricConv2d } from '../layers/symmetric-conv2d.js';
import { countParameters } from '../params/count-parameters.js';

export type PairNetKind = 'cnn' | 'scnn';
export const PAIR_NET_KINDS: readonly PairNetKind[] = ['cnn', 'scnn'];

export interface ResidualPairNetConfig {
  kind: PairNetKind;
  /** Channels of the input pair features. Required. */
  inputChannels: number;
  /** Channels of every hidden map. @default 24 */
  channels?: number;
  /** Dilation of the first conv of each residual block (one block per entry). @default [1, 2, 4, 8, 1, 2, 4, 8] */
  dilations?: number[];
}

export type ResolvedResidualPairNetConfig = Required<ResidualPairNetConfig>;

export interface ResidualPairNet {
  config: ResolvedResidualPairNetConfig;
  model: tf.LayersModel;
  parameters(): { total: number; conv: number; plainConv: number; convRatio: number };
}

export function resolveResidualPairNetConfig(config: ResidualPairNetConfig): ResolvedResidualPairNetConfig {
  const resolved = { channels: 24, dilations: [1, 2, 4, 8, 1, 2, 4, 8], ...config };
  if (!PAIR_NET_KINDS.includes(resolved.kind)) throw new InvalidArgumentError('kind', resolved.kind, PAIR_NET_KINDS.join(' | '));
  for (const key of ['inputChannels', 'channels'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 1) throw new InvalidArgumentError(key, resolved[key], 'a positive integer');
  }
  if (resolved.dilations.length === 0 || resolved.dilations.some((d) => !Number.isInteger(d) || d < 1)) throw new InvalidArgumentError('dilations', resolved.dilations, 'positive integers');
  return resolved;
}

export function createResidualPairNet(config: ResidualPairNetConfig): ResidualPairNet {
  const c = resolveResidualPairNetConfig(config);
  const symmetric = c.kind === 'scnn';
  const conv = (dilationRate: number, name: string) =>
    symmetric ? symmetricConv2d({ filters: c.channels, kernelSize: 3, dilationRate, padding: 'same', name }) : plainConv2d({ filters: c.channels, kernelSize: 3, dilationRate, padding: 'same', name });
  const input = tf.input({ shape: [null, null, c.inputChannels], name: 'pair_features' });
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
