// A 1×1 convolution over the pair map [e_i ; e_j], computed without building that map: with the
// kernel split into halves K_a (over e_i) and K_b (over e_j), Y[i][j] = e_i·K_a + e_j·K_b + bias.
// symmetric: true ties K_a = K_b (the symmetry-generating 1×1 layer: Y[i][j] = a_i + a_j, exactly
// symmetric because float addition commutes); symmetric: false is the plain 1×1 conv over the
// concatenated pair features. Input [batch, L, d] (a sequence of embeddings), output [batch, L, L, F].
import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '../errors.js';
import {
  ACTIVATIONS,
  type ActivationName,
  type Initializer,
  type InitializerOption,
  type LayerArgs,
  checkActivation,
  checkPositiveInteger,
  resolveInitializer,
  serialize,
} from './layer-options.js';

export interface PairwiseLinearArgs extends LayerArgs {
  /** Output channels F. Required. */
  filters: number;
  /** Tie the kernels over e_i and e_j (symmetric output). @default true */
  symmetric?: boolean;
  /** @default true */
  useBias?: boolean;
  /** Element-wise activation. @default 'linear' */
  activation?: ActivationName;
  /** Initializer of the full [2d, F] kernel (the symmetric layer keeps its first half). @default 'glorotUniform' */
  kernelInitializer?: InitializerOption;
  /** @default 'zeros' */
  biasInitializer?: InitializerOption;
}

type LayerVariable = ReturnType<tf.layers.Layer['addWeight']>;

export class PairwiseLinear extends tf.layers.Layer {
  /** Serialized class name: public API, never rename. */
  static className = 'PairwiseLinear';
  readonly filters: number;
  readonly symmetric: boolean;
  readonly useBias: boolean;
  readonly activationName: ActivationName;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private kernel: LayerVariable | null = null;
  private bias: LayerVariable | null = null;
  /** Embedding size d, known once built. */
  depth: number | null = null;

  constructor(args: PairwiseLinearArgs) {
    super(args);
    this.filters = checkPositiveInteger('filters', args.filters);
    this.symmetric = args.symmetric ?? true;
    this.useBias = args.useBias ?? true;
    this.activationName = checkActivation(args.activation);
    this.kernelInitializer = resolveInitializer('kernelInitializer', args.kernelInitializer, 'glorotUniform');
    this.biasInitializer = resolveInitializer('biasInitializer', args.biasInitializer, 'zeros');
  }

  private checkShape(shape: ReadonlyArray<number | null>, argument: string): number {
    if (shape.length !== 3 || shape[2] == null) throw new ShapeError(argument, shape, 'rank 3 [batch, L, d] with a known d');
    if (this.depth != null && shape[2] !== this.depth) throw new ShapeError(argument, shape, `d = ${this.depth}, as the layer was built with`);
    return shape[2];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const depth = this.checkShape(shape, 'inputShape');
    const rows = this.symmetric ? depth : 2 * depth;
    // draw as the plain [2d, F] kernel would be drawn (same fan-in / fan-out), then keep `rows` rows
    const full = this.kernelInitializer;
    const initializer = this.symmetric
      ? ({ apply: (_shape: number[], dtype?: tf.DataType) => tf.tidy(() => tf.slice(full.apply([2 * depth, this.filters], dtype), [0, 0], [depth, this.filters])) } as unknown as Initializer)
      : full;
    this.kernel = this.addWeight('kernel', [rows, this.filters], 'float32', initializer, undefined, true);
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], 'float32', this.biasInitializer, undefined, true);
    this.depth = depth;
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [batch, length] = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [batch ?? null, length ?? null, length ?? null, this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const depth = this.checkShape(x.shape, 'input');
      const [batch, length] = x.shape;
      const flat = tf.reshape(x, [batch * length, depth]);
      const kernel = this.kernel!.read() as tf.Tensor2D;
      const project = (k: tf.Tensor2D) => tf.reshape(tf.matMul(flat, k), [batch, length, this.filters]);
      let a = project(this.symmetric ? kernel : tf.slice(kernel, [0, 0], [depth, this.filters]));
      // the bias rides on the [batch, L, F] row terms, not the L×L map; the symmetric layer adds half
      // to each side, so Y[i][j] = a'_i + a'_j stays exactly symmetric
      if (this.bias) a = tf.add(a, this.symmetric ? tf.mul(this.bias.read(), 0.5) : this.bias.read());
      const b = this.symmetric ? a : project(tf.slice(kernel, [depth, 0], [depth, this.filters]));
      const y = tf.add(tf.expandDims(a, 2), tf.expandDims(b, 1));
      return ACTIVATIONS[this.activationName](y);
    });
  }

  /** Parameters of the plain 1×1 conv over [e_i ; e_j]: 2d·F (+ F). */
  plainParameterCount(): number {
    return 2 * (this.depth ?? 0) * this.filters + (this.useBias ? this.filters : 0);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      symmetric: this.symmetric,
      useBias: this.useBias,
      activation: this.activationName,
      kernelInitializer: serialize(this.kernelInitializer),
      biasInitializer: serialize(this.biasInitializer),
    };
  }
}
tf.serialization.registerClass(PairwiseLinear, 'scnn');

export function pairwiseLinear(args: PairwiseLinearArgs): PairwiseLinear {
  return new PairwiseLinear(args);
}
