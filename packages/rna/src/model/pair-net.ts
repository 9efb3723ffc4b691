// The RNA model: core's residual pair network over one of the RNA pair-feature sets, as the plain CNN
// ('cnn') or its symmetric twin ('scnn'). The feature set is part of the architecture: a saved model
// records it and prediction featurizes with it.
import { type PairNetKind, type ResidualPairNet, type ResolvedResidualPairNetConfig, createResidualPairNet } from '@scnn/core';
import { DEFAULT_PAIR_FEATURE_SET, type PairFeatureSet, pairFeatureCount } from '../featurize/pair-features.js';

export { PAIR_NET_KINDS, type PairNetKind } from '@scnn/core';

export interface PairNetConfig {
  kind: PairNetKind;
  /** Input pair features. @default 'basic' */
  features?: PairFeatureSet;
  /** Channels of every hidden map. @default 24 */
  channels?: number;
  /** Dilation of the first conv of each residual block. @default [1, 2, 4, 8, 1, 2, 4, 8] */
  dilations?: number[];
}

export interface ResolvedPairNetConfig extends ResolvedResidualPairNetConfig {
  features: PairFeatureSet;
}

export interface PairNet extends ResidualPairNet {
  config: ResolvedPairNetConfig;
}

export function createPairNet(config: PairNetConfig): PairNet {
  const features = config.features ?? DEFAULT_PAIR_FEATURE_SET;
  // pairFeatureCount rejects an unknown set; only the core architecture's own keys (a loaded config also carries inputChannels, derived here)
  const { kind, channels, dilations } = config;
  const net = createResidualPairNet({ kind, ...(channels !== undefined && { channels }), ...(dilations !== undefined && { dilations }), inputChannels: pairFeatureCount(features) });
  return { ...net, config: { ...net.config, features } };
}
