// The RNA model: core's residual pair network over the 18 RNA pair-feature channels, as the plain CNN
// ('cnn') or its symmetric twin ('scnn').
import { type PairNetKind, type ResidualPairNet, type ResolvedResidualPairNetConfig, createResidualPairNet } from '@scnn/core';
import { PAIR_FEATURE_COUNT } from '../featurize/pair-features.js';

export { PAIR_NET_KINDS, type PairNetKind } from '@scnn/core';

export interface PairNetConfig {
  kind: PairNetKind;
  /** Channels of every hidden map. @default 24 */
  channels?: number;
  /** Dilation of the first conv of each residual block. @default [1, 2, 4, 8, 1, 2, 4, 8] */
  dilations?: number[];
}

export type ResolvedPairNetConfig = ResolvedResidualPairNetConfig;
export type PairNet = ResidualPairNet;

export function createPairNet(config: PairNetConfig): PairNet {
  return createResidualPairNet({ ...config, inputChannels: PAIR_FEATURE_COUNT });
}
