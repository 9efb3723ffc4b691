// Option handling shared by the symmetric layers: argument checks that throw typed errors,
// initializer / regularizer identifiers, activations, and their (de)serialization.
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors.js';

type Conv2DLayerArgs = NonNullable<Parameters<typeof tf.layers.conv2d>[0]>;
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
export type InitializerOption = NonNullable<Conv2DLayerArgs['kernelInitializer']>;
export type RegularizerOption = NonNullable<Conv2DLayerArgs['kernelRegularizer']>;
/** tfjs-layers' Initializer (the class is not exported by @tensorflow/tfjs; reached through one of its subclasses). */
export type Initializer = ReturnType<typeof tf.initializers.zeros>;
export const InitializerBase = Object.getPrototypeOf(tf.initializers.zeros().constructor) as abstract new () => Initializer;
type Regularizer = ReturnType<typeof tf.regularizers.l2>;

/** Activations the symmetric layers accept (all act element-wise, so all preserve symmetry). */
export const ACTIVATIONS = {
  linear: (x: tf.Tensor) => x,
  relu: (x: tf.Tensor) => tf.relu(x),
  relu6: (x: tf.Tensor) => tf.relu6(x),
  elu: (x: tf.Tensor) => tf.elu(x),
  selu: (x: tf.Tensor) => tf.selu(x),
  sigmoid: (x: tf.Tensor) => tf.sigmoid(x),
  tanh: (x: tf.Tensor) => tf.tanh(x),
  softplus: (x: tf.Tensor) => tf.softplus(x),
  swish: (x: tf.Tensor) => tf.mul(x, tf.sigmoid(x)),
} as const;
export type ActivationName = keyof typeof ACTIVATIONS;

export function checkActivation(value: unknown): ActivationName {
  if (value == null) return 'linear';
  if (typeof value === 'string' && value in ACTIVATIONS) return value as ActivationName;
  throw new InvalidArgumentError('activation', value, `one of ${Object.keys(ACTIVATIONS).join(', ')}`);
}

export function checkPositiveInteger(argument: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  throw new InvalidArgumentError(argument, value, 'a positive integer');
}

/** A square size given as n or [n, n]. */
export function checkSquare(argument: string, value: unknown): number {
  if (Array.isArray(value)) {
    if (value.length !== 2 || value[0] !== value[1]) throw new InvalidArgumentError(argument, value, 'a number or a pair of equal numbers');
    return checkPositiveInteger(argument, value[0]);
  }
  return checkPositiveInteger(argument, value);
}

export function checkOddKernelSize(value: unknown): number {
  const size = checkSquare('kernelSize', value);
  if (size % 2 === 0) throw new InvalidArgumentError('kernelSize', value, 'an odd size (1, 3, 5, ...): even kernels pad asymmetrically and break symmetry');
  return size;
}

export function checkPadding(value: unknown): 'same' | 'valid' {
  if (value == null) return 'valid';
  if (value === 'same' || value === 'valid') return value;
  throw new InvalidArgumentError('padding', value, '"same" or "valid"');
}

const INITIALIZER_FACTORIES: Record<string, () => Initializer> = {
  glorotUniform: () => tf.initializers.glorotUniform({}),
  glorotNormal: () => tf.initializers.glorotNormal({}),
  heUniform: () => tf.initializers.heUniform({}),
  heNormal: () => tf.initializers.heNormal({}),
  leCunUniform: () => tf.initializers.leCunUniform({}),
  leCunNormal: () => tf.initializers.leCunNormal({}),
  zeros: () => tf.initializers.zeros(),
  ones: () => tf.initializers.ones(),
  randomNormal: () => tf.initializers.randomNormal({}),
  randomUniform: () => tf.initializers.randomUniform({}),
  truncatedNormal: () => tf.initializers.truncatedNormal({}),
};

function fromSerialized<T>(value: { className: string; config: tf.serialization.ConfigDict }, argument: string): T {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[value.className];
  if (!entry) throw new InvalidArgumentError(argument, value.className, 'a registered tfjs class name');
  const [cls, fromConfig] = entry;
  return fromConfig(cls, value.config) as T;
}

function isSerialized(value: unknown): value is { className: string; config: tf.serialization.ConfigDict } {
  return typeof value === 'object' && value !== null && typeof (value as { className?: unknown }).className === 'string';
}

export function resolveInitializer(argument: string, value: unknown, fallback: string): Initializer {
  const option = value ?? fallback;
  if (option instanceof InitializerBase) return option;
  if (typeof option === 'string' && option in INITIALIZER_FACTORIES) return INITIALIZER_FACTORIES[option]!();
  if (isSerialized(option)) return fromSerialized<Initializer>(option, argument);
  throw new InvalidArgumentError(argument, option, `an Initializer or one of ${Object.keys(INITIALIZER_FACTORIES).join(', ')}`);
}

export function resolveRegularizer(argument: string, value: unknown): Regularizer | undefined {
  if (value == null) return undefined;
  if (value instanceof tf.serialization.Serializable && typeof (value as Regularizer).apply === 'function') return value as Regularizer;
  if (value === 'l1l2') return tf.regularizers.l1l2();
  if (isSerialized(value)) return fromSerialized<Regularizer>(value, argument);
  throw new InvalidArgumentError(argument, value, 'a Regularizer (tf.regularizers.l2(...)) or "l1l2"');
}

export function serialize(value: tf.serialization.Serializable | undefined): tf.serialization.ConfigDict | null {
  if (value == null) return null;
  return { className: value.getClassName(), config: value.getConfig() } as unknown as tf.serialization.ConfigDict;
}
