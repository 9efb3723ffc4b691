// What the two symmetric layers share: square k×k kernels over square L×L maps, stride 1,
// dilation, same/valid padding, bias per output channel, an element-wise activation.
import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '../errors.js';
import {
  ACTIVATIONS,
  type ActivationName,
  type Initializer,
  type InitializerOption,
  type LayerArgs,
  type RegularizerOption,
  checkActivation,
  checkOddKernelSize,
  checkPadding,
  checkPositiveInteger,
  checkSquare,
  resolveInitializer,
  resolveRegularizer,
  serialize,
} from './layer-options.js';

export interface SquareConv2DArgs extends LayerArgs {
  /** Number of output channels. Required. */
  filters: number;
  /** Kernel size k (an odd number, or [k, k]): the kernel is k×k. Required. */
  kernelSize: number | [number, number];
  /** Dilation rate d (or [d, d]). @default 1 */
  dilationRate?: number | [number, number];
  /** `same` keeps L×L; `valid` gives (L - (k-1)d)×(L - (k-1)d). @default 'valid' */
  padding?: 'same' | 'valid';
  /** Add a bias per output channel. @default true */
  useBias?: boolean;
  /** Element-wise activation (all of them preserve symmetry). @default 'linear' */
  activation?: ActivationName;
  /** Initializer of the kernel, drawn for the full k×k kernel then tied. @default 'glorotUniform' */
  kernelInitializer?: InitializerOption;
  /** Initializer of the bias. @default 'zeros' */
  biasInitializer?: InitializerOption;
  /** Regularizer on the stored (free) kernel parameters. @default none */
  kernelRegularizer?: RegularizerOption;
  /** Regularizer on the bias. @default none */
  biasRegularizer?: RegularizerOption;
}

type LayerVariable = ReturnType<tf.layers.Layer['addWeight']>;

export abstract class SquareConv2DBase extends tf.layers.Layer {
  readonly filters: number;
  readonly kernelSize: number;
  readonly dilationRate: number;
  readonly padding: 'same' | 'valid';
  readonly useBias: boolean;
  readonly activationName: ActivationName;
  protected readonly kernelInitializer: Initializer;
  protected readonly biasInitializer: Initializer;
  protected readonly kernelRegularizer: ReturnType<typeof resolveRegularizer>;
  protected readonly biasRegularizer: ReturnType<typeof resolveRegularizer>;
  protected kernel: LayerVariable | null = null;
  protected bias: LayerVariable | null = null;
  /** Input channels, known once built. */
  inputChannels: number | null = null;

  constructor(args: SquareConv2DArgs) {
    super(args);
    this.filters = checkPositiveInteger('filters', args.filters);
    this.kernelSize = checkOddKernelSize(args.kernelSize);
    this.dilationRate = checkSquare('dilationRate', args.dilationRate ?? 1);
    this.padding = checkPadding(args.padding);
    this.useBias = args.useBias ?? true;
    this.activationName = checkActivation(args.activation);
    this.kernelInitializer = resolveInitializer('kernelInitializer', args.kernelInitializer, 'glorotUniform');
    this.biasInitializer = resolveInitializer('biasInitializer', args.biasInitializer, 'zeros');
    this.kernelRegularizer = resolveRegularizer('kernelRegularizer', args.kernelRegularizer);
    this.biasRegularizer = resolveRegularizer('biasRegularizer', args.biasRegularizer);
  }

  /** Checks an input shape [batch, L, L, C]; returns C. */
  protected checkInputShape(shape: ReadonlyArray<number | null>, argument = 'input'): number {
    if (shape.length !== 4) throw new ShapeError(argument, shape, 'rank 4 [batch, L, L, channels]');
    const [, height, width, channels] = shape;
    if (height != null && width != null && height !== width) {
      throw new ShapeError(argument, shape, `a square L×L map (got ${height}×${width})`);
    }
    if (channels == null) throw new ShapeError(argument, shape, 'a known channel count');
    if (this.inputChannels != null && channels !== this.inputChannels) {
      throw new ShapeError(argument, shape, `${this.inputChannels} channels, as the layer was built with`);
    }
    const span = (this.kernelSize - 1) * this.dilationRate;
    if (this.padding === 'valid' && height != null && height <= span) {
      throw new ShapeError(argument, shape, `L > ${span} for a valid ${this.kernelSize}×${this.kernelSize} kernel with dilation ${this.dilationRate}`);
    }
    return channels;
  }

  /** Shape of the stored kernel weight for `channels` input channels. */
  protected abstract kernelWeightShape(channels: number): number[];
  /** Initial value of the stored kernel weight (drawn from the full kernel's initializer). */
  protected abstract initialKernel(shape: number[], channels: number): Initializer;
  /** The convolution itself, before bias and activation. */
  protected abstract convolve(x: tf.Tensor4D, kernel: tf.Tensor): tf.Tensor4D;
  /** Checks the input channels beyond what the base checks. */
  protected checkChannels(_channels: number, _shape: ReadonlyArray<number | null>): void {}

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = this.checkInputShape(shape, 'inputShape');
    this.checkChannels(channels, shape);
    const kernelShape = this.kernelWeightShape(channels);
    this.kernel = this.addWeight('kernel', kernelShape, 'float32', this.initialKernel(kernelShape, channels), this.kernelRegularizer, true);
    if (this.useBias) {
      this.bias = this.addWeight('bias', [this.filters], 'float32', this.biasInitializer, this.biasRegularizer, true);
    }
    this.inputChannels = channels;
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const [batch, size] = shape;
    const span = (this.kernelSize - 1) * this.dilationRate;
    const out = size == null ? null : this.padding === 'same' ? size : size - span;
    return [batch ?? null, out, out, this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      const channels = this.checkInputShape(x.shape);
      this.checkChannels(channels, x.shape);
      let y: tf.Tensor = this.convolve(x, this.kernel!.read());
      if (this.bias) y = tf.add(y, this.bias.read());
      return ACTIVATIONS[this.activationName](y);
    });
  }

  /** Parameters a plain Conv2D over the same input and output channels would have (kernel + bias). */
  plainParameterCount(): number {
    const channels = this.inputChannels ?? 0;
    return this.kernelSize * this.kernelSize * channels * this.filters + (this.useBias ? this.filters : 0);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      dilationRate: this.dilationRate,
      padding: this.padding,
      useBias: this.useBias,
      activation: this.activationName,
      kernelInitializer: serialize(this.kernelInitializer),
      biasInitializer: serialize(this.biasInitializer),
      kernelRegularizer: serialize(this.kernelRegularizer),
      biasRegularizer: serialize(this.biasRegularizer),
    };
  }
}
