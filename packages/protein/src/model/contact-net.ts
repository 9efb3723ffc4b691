// The protein model: core's residual pair network over the 52 protein pair-feature channels, as the
// plain CNN ('cnn') or its symmetric twin ('scnn').
import { type PairNetKind, type ResidualPairNet, createResidualPairNet } from '@scnn/core';
import { PROTEIN_PAIR_CHANNELS } from '../featurize/pair-features.js';

export interface ContactNetConfig {
  kind: PairNetKind;
  /** @default 24 */
  channels?: number;
  /** @default [1, 2, 4, 8, 1, 2, 4, 8] */
  dilations?: number[];
}

export function createContactNet(config: ContactNetConfig): ResidualPairNet {
  return createResidualPairNet({ ...config, inputChannels: PROTEIN_PAIR_CHANNELS });
}
