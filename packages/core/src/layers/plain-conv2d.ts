// A plain (unconstrained) square conv2d on the same code path as the symmetric layers: the fair
// baseline for a symmetric twin (same engine, same fast paths), and trainable with dilation > 1,
// which tf.layers.conv2d with a linear activation is not (its fused op's gradient asserts dilation 1).
import * as tf from '@tensorflow/tfjs';
import { squareConv2d } from '../engine/square-conv.js';
import type { Initializer } from './layer-options.js';
import { SquareConv2DBase, type SquareConv2DArgs } from './square-conv-base.js';

export type PlainConv2DArgs = SquareConv2DArgs;

export class PlainConv2D extends SquareConv2DBase {
  /** Serialized class name: public API, never rename. */
  static className = 'PlainConv2D';

  protected kernelWeightShape(channels: number): number[] {
    return [this.kernelSize, this.kernelSize, channels, this.filters];
  }

  protected initialKernel(): Initializer {
    return this.kernelInitializer;
  }

  protected convolve(x: tf.Tensor4D, kernel: tf.Tensor): tf.Tensor4D {
    return squareConv2d(x, kernel as tf.Tensor4D, this.padding, this.dilationRate);
  }
}
tf.serialization.registerClass(PlainConv2D, 'scnn');

/** A plain k×k conv2d over a square map (the baseline twin of symmetricConv2d). */
export function plainConv2d(args: PlainConv2DArgs): PlainConv2D {
  return new PlainConv2D(args);
}
