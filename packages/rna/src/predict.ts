// Prediction: pair probabilities from the network (whole sequence, any length), then a valid
// structure from one of the decoders (greedy by default).
import * as tf from '@tensorflow/tfjs';
import { type StructureDecodeOptions, decodeStructure } from './decode/decode.js';
import { pairFeatureCount, pairFeatures } from './featurize/pair-features.js';
import type { PairNet } from './model/pair-net.js';
import type { Partners } from './structure.js';

/** Row-major L×L pair probabilities (symmetric). */
export async function predictPairProbabilities(net: PairNet, sequence: string): Promise<Float32Array> {
  const n = sequence.length;
  const probabilities = tf.tidy(() => {
    const x = tf.tensor4d(pairFeatures(sequence, net.config.features), [1, n, n, pairFeatureCount(net.config.features)]);
    return tf.sigmoid(net.model.predict(x) as tf.Tensor);
  });
  const values = (await probabilities.data()) as Float32Array;
  probabilities.dispose();
  return values;
}

export interface Prediction {
  partners: Partners;
  probabilities: Float32Array;
}

export async function predictStructure(net: PairNet, sequence: string, options: StructureDecodeOptions = {}): Promise<Prediction> {
  const probabilities = await predictPairProbabilities(net, sequence);
  return { partners: decodeStructure(sequence, probabilities, options), probabilities };
}
