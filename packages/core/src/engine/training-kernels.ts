// Replacement kernels that let the wasm and cpu backends train convolutional networks
// (../shared/ENGINE.md): wasm has no Conv2DBackpropFilter and no UnsortedSegmentSum, and its
// Conv2DBackpropInput is a scalar loop; cpu's Conv2DBackpropFilter and UnsortedSegmentSum are
// pathologically slow. Each replacement is built from other kernels of the same backend.
//
// Pitfall: a kernelFunc must call other kernels' kernelFuncs on TensorInfos and free its
// intermediates with backend.disposeData; calling tf.* ops here corrupts reference counts.
import * as tf from '@tensorflow/tfjs';
import { isChannelsLast, pair } from './conv-attrs.js';

type TensorInfo = tf.TensorInfo;
type KernelBackend = tf.KernelBackend;
type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];

/** Names of the kernels this module replaces, per backend. */
export const REPLACED_KERNELS: Readonly<Record<'cpu' | 'wasm', readonly string[]>> = {
  cpu: ['Conv2DBackpropFilter', 'UnsortedSegmentSum'],
  wasm: ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'UnsortedSegmentSum'],
};

const originals = new Map<string, tf.KernelConfig | undefined>();

interface KernelRunner {
  run(kernelName: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown>): TensorInfo;
  dispose(...infos: TensorInfo[]): void;
}

function runner(backendName: string, backend: KernelBackend): KernelRunner {
  return {
    run(kernelName, inputs, attrs) {
      const config = tf.getKernel(kernelName, backendName);
      if (config == null) throw new Error(`kernel ${kernelName} is not registered for backend ${backendName}`);
      return config.kernelFunc({ inputs, backend, attrs: attrs as tf.NamedAttrMap }) as TensorInfo;
    },
    dispose(...infos) {
      for (const info of infos) backend.disposeData(info.dataId);
    },
  };
}


/**
 * Filter gradient as a forward convolution: dW = transpose(x) ⊛ transpose(dy), where the batch
 * plays the role of channels and the original stride becomes the dilation; cropped to the kernel
 * size and transposed back to [kh, kw, in, out].
 */
function conv2dBackpropFilter(backendName: string): tf.KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    const original = originals.get(`Conv2DBackpropFilter/${backendName}`);
    if (!isChannelsLast(dataFormat) && original) return original.kernelFunc(args);
    const k = runner(backendName, backend as KernelBackend);
    const [strideHeight, strideWidth] = pair(strides);
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape as [number, number, number, number],
      [strideHeight, strideWidth],
      1,
      pad,
      dimRoundingMode,
    );
    const { top, bottom, left, right } = info.padInfo;
    const [kernelHeight, kernelWidth, inChannels, outChannels] = filterShape;
    const xT = k.run('Transpose', { x }, { perm: [3, 1, 2, 0] });
    const dyT = k.run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
    const padding: ExplicitPadding = [[0, 0], [top, bottom], [left, right], [0, 0]];
    const full = k.run(
      'Conv2D',
      { x: xT, filter: dyT },
      { strides: [1, 1], pad: padding, dataFormat: 'NHWC', dilations: [strideHeight, strideWidth] },
    );
    k.dispose(xT, dyT);
    let cropped = full;
    if (full.shape[1] !== kernelHeight || full.shape[2] !== kernelWidth) {
      cropped = k.run('Slice', { x: full }, { begin: [0, 0, 0, 0], size: [inChannels, kernelHeight, kernelWidth, outChannels] });
      k.dispose(full);
    }
    const result = k.run('Transpose', { x: cropped }, { perm: [1, 2, 0, 3] });
    k.dispose(cropped);
    return result;
  };
}

/**
 * Input gradient as a forward convolution of dy (zero-upsampled by the stride) with the
 * spatially flipped, channel-transposed kernel.
 */
function conv2dBackpropInput(backendName: string): tf.KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
    const original = originals.get(`Conv2DBackpropInput/${backendName}`);
    if (!isChannelsLast(dataFormat) && original) return original.kernelFunc(args);
    const k = runner(backendName, backend as KernelBackend);
    const [strideHeight, strideWidth] = pair(strides);
    const [kernelHeight, kernelWidth, inChannels, outChannels] = filter.shape;
    const info = tf.backend_util.computeConv2DInfo(
      inputShape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      [strideHeight, strideWidth],
      1,
      pad,
      dimRoundingMode,
    );
    const { top, left } = info.padInfo;
    const [batch, outHeight, outWidth] = dy.shape;
    const [, inHeight, inWidth] = inputShape;

    let upsampled = dy;
    if (strideHeight > 1 || strideWidth > 1) {
      // [B, Hy, Wy, C] -> [B, Hy, 1, Wy, 1, C] -> pad -> [B, Hy*sh, Wy*sw, C] -> crop trailing zeros
      const expanded = k.run('Reshape', { x: dy }, { shape: [batch, outHeight, 1, outWidth, 1, outChannels] });
      const padded = k.run(
        'PadV2',
        { x: expanded },
        { paddings: [[0, 0], [0, 0], [0, strideHeight - 1], [0, 0], [0, strideWidth - 1], [0, 0]], constantValue: 0 },
      );
      const flat = k.run('Reshape', { x: padded }, { shape: [batch, outHeight * strideHeight, outWidth * strideWidth, outChannels] });
      upsampled = k.run(
        'Slice',
        { x: flat },
        { begin: [0, 0, 0, 0], size: [batch, (outHeight - 1) * strideHeight + 1, (outWidth - 1) * strideWidth + 1, outChannels] },
      );
      k.dispose(expanded, padded, flat);
    }
    const reversed = k.run('Reverse', { x: filter }, { dims: [0, 1] });
    const flipped = k.run('Transpose', { x: reversed }, { perm: [0, 1, 3, 2] });
    k.dispose(reversed);
    const padTop = kernelHeight - 1 - top;
    const padLeft = kernelWidth - 1 - left;
    const padBottom = inHeight - upsampled.shape[1] - padTop + kernelHeight - 1;
    const padRight = inWidth - upsampled.shape[2] - padLeft + kernelWidth - 1;
    const result = k.run(
      'Conv2D',
      { x: upsampled, filter: flipped },
      {
        strides: [1, 1],
        pad: [[0, 0], [padTop, padBottom], [padLeft, padRight], [0, 0]] as ExplicitPadding,
        dataFormat: 'NHWC',
        dilations: [1, 1],
      },
    );
    k.dispose(flipped);
    if (upsampled !== dy) k.dispose(upsampled);
    if (result.shape[3] !== inChannels) throw new Error('internal: Conv2DBackpropInput channel mismatch');
    return result;
  };
}

/** Segment sum as ScatterNd, which adds updates that share an index. */
function unsortedSegmentSum(backendName: string): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
    const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs;
    const k = runner(backendName, backend as KernelBackend);
    let ids = segmentIds;
    if (segmentIds.dtype !== 'int32') ids = k.run('Cast', { x: segmentIds }, { dtype: 'int32' });
    const indices = k.run('Reshape', { x: ids }, { shape: [segmentIds.shape[0] ?? 0, 1] });
    if (ids !== segmentIds) k.dispose(ids);
    const result = k.run('ScatterNd', { indices, updates: x }, { shape: [numSegments, ...x.shape.slice(1)] });
    k.dispose(indices);
    return result;
  };
}

const factories: Record<string, (backendName: string) => tf.KernelFunc> = {
  Conv2DBackpropFilter: conv2dBackpropFilter,
  Conv2DBackpropInput: conv2dBackpropInput,
  UnsortedSegmentSum: unsortedSegmentSum,
};

/**
 * Registers the replacement kernels for `backendName` ('cpu' or 'wasm'); idempotent.
 * The stock kernels are kept (see {@link stockKernel}) for comparison and for NCHW inputs.
 */
export function registerTrainingKernels(backendName: 'cpu' | 'wasm'): void {
  for (const kernelName of REPLACED_KERNELS[backendName]) {
    const key = `${kernelName}/${backendName}`;
    if (originals.has(key)) continue;
    const stock = tf.getKernel(kernelName, backendName);
    originals.set(key, stock);
    if (stock) tf.unregisterKernel(kernelName, backendName);
    tf.registerKernel({ kernelName, backendName, kernelFunc: factories[kernelName]!(backendName) });
  }
}

/** Puts the stock kernels back (used by tests and benchmarks that compare against them). */
export function unregisterTrainingKernels(backendName: 'cpu' | 'wasm'): void {
  for (const kernelName of REPLACED_KERNELS[backendName]) {
    const key = `${kernelName}/${backendName}`;
    if (!originals.has(key)) continue;
    tf.unregisterKernel(kernelName, backendName);
    const stock = originals.get(key);
    if (stock) tf.registerKernel(stock);
    originals.delete(key);
  }
}

/** The stock kernel that a replacement took the place of, if any. */
export function stockKernel(kernelName: string, backendName: 'cpu' | 'wasm'): tf.KernelConfig | undefined {
  return originals.get(`${kernelName}/${backendName}`) ?? tf.getKernel(kernelName, backendName);
}
