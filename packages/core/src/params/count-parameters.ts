// Parameter counts: total, convolutional, and what a plain CNN of the same shapes would have.
import type * as tf from '@tensorflow/tfjs';
import { PairwiseLinear } from '../layers/pairwise-linear.js';
import { SquareConv2DBase } from '../layers/square-conv-base.js';

const PLAIN_CONV_CLASSES = new Set(['Conv1D', 'Conv2D', 'Conv3D', 'Conv2DTranspose', 'Conv3DTranspose', 'DepthwiseConv2D', 'SeparableConv2D']);

export interface LayerParameterCount {
  name: string;
  className: string;
  /** Parameters the layer stores. */
  params: number;
  /** Parameters a plain layer of the same shapes would store (= params for non-symmetric layers). */
  plainParams: number;
  /** Whether it is a convolution (plain or symmetric). */
  conv: boolean;
}

export interface ParameterCount {
  /** All parameters (trainable and not, e.g. batch-norm statistics). */
  total: number;
  trainable: number;
  /** Parameters of convolution layers (kernels and biases). */
  conv: number;
  /** Convolution parameters of the plain CNN with the same shapes. */
  plainConv: number;
  /** Total of that plain CNN. */
  plainTotal: number;
  /** conv / plainConv (1 when there is no convolution). */
  convRatio: number;
  layers: LayerParameterCount[];
}

function flatten(layers: tf.layers.Layer[]): tf.layers.Layer[] {
  return layers.flatMap((layer) => {
    const nested = (layer as unknown as { layers?: tf.layers.Layer[] }).layers;
    return Array.isArray(nested) ? flatten(nested) : [layer];
  });
}

function countWeights(weights: { shape: ReadonlyArray<number | null> }[]): number {
  return weights.reduce((sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1), 0);
}

/** Counts the parameters of a model (or a list of layers), split into convolutional and other. */
export function countParameters(model: tf.LayersModel | { layers: tf.layers.Layer[] } | tf.layers.Layer[]): ParameterCount {
  const layers = flatten(Array.isArray(model) ? model : model.layers);
  const rows: LayerParameterCount[] = layers.map((layer) => {
    const params = countWeights(layer.weights);
    const className = layer.getClassName();
    if (layer instanceof SquareConv2DBase || layer instanceof PairwiseLinear) {
      return { name: layer.name, className, params, plainParams: layer.plainParameterCount(), conv: true };
    }
    return { name: layer.name, className, params, plainParams: params, conv: PLAIN_CONV_CLASSES.has(className) };
  });
  const sum = (pick: (row: LayerParameterCount) => number) => rows.reduce((s, row) => s + pick(row), 0);
  const total = sum((r) => r.params);
  const conv = sum((r) => (r.conv ? r.params : 0));
  const plainConv = sum((r) => (r.conv ? r.plainParams : 0));
  const trainable = layers.reduce((s, layer) => s + countWeights(layer.trainableWeights), 0);
  return { total, trainable, conv, plainConv, plainTotal: total - conv + plainConv, convRatio: plainConv === 0 ? 1 : conv / plainConv, layers: rows };
}
