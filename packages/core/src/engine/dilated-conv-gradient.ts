// tfjs-core refuses the gradient of a dilated Conv2D ("dilation rates greater than 1 are not yet
// supported in gradients") on every backend. Dilated convolutions are central to pair-map CNNs, so
// this replaces the Conv2D gradient: dilation 1 goes to the stock gradient; dilation > 1 (stride 1,
// which tfjs requires with dilation) is expressed as two forward convolutions:
//   dx = pad(dy) ⊛ flip(W)ᵀ with the same dilation,
//   dW = transpose(pad(x)) ⊛ transpose(dy) with stride = dilation.
import * as tf from '@tensorflow/tfjs';
import { isChannelsLast, pair } from './conv-attrs.js';

let stockGradient: tf.GradConfig | undefined;


function dilatedInputGradient(dy: tf.Tensor4D, filter: tf.Tensor4D, dilation: [number, number], padInfo: tf.backend_util.PadInfo): tf.Tensor4D {
  const [kernelHeight, kernelWidth] = filter.shape;
  const effectiveHeight = (kernelHeight - 1) * dilation[0];
  const effectiveWidth = (kernelWidth - 1) * dilation[1];
  const padded = tf.pad(dy, [
    [0, 0],
    [effectiveHeight - padInfo.top, effectiveHeight - padInfo.bottom],
    [effectiveWidth - padInfo.left, effectiveWidth - padInfo.right],
    [0, 0],
  ]);
  const flipped = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
  return tf.conv2d(padded, flipped, 1, 'valid', 'NHWC', dilation);
}

function dilatedFilterGradient(x: tf.Tensor4D, dy: tf.Tensor4D, filterShape: number[], dilation: [number, number], padInfo: tf.backend_util.PadInfo): tf.Tensor4D {
  const [kernelHeight, kernelWidth, inChannels, outChannels] = filterShape as [number, number, number, number];
  const padded = tf.pad(x, [
    [0, 0],
    [padInfo.top, padInfo.bottom],
    [padInfo.left, padInfo.right],
    [0, 0],
  ]);
  const xT = tf.transpose(padded, [3, 1, 2, 0]) as tf.Tensor4D;
  const dyT = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
  const full = tf.conv2d(xT, dyT, dilation, 'valid');
  const cropped = tf.slice(full, [0, 0, 0, 0], [inChannels, kernelHeight, kernelWidth, outChannels]);
  return tf.transpose(cropped, [1, 2, 0, 3]) as tf.Tensor4D;
}

/** Installs the Conv2D gradient that supports dilation (idempotent, process-wide). */
export function registerDilatedConvGradient(): void {
  if (stockGradient) return;
  const stock = tf.getGradient('Conv2D');
  if (!stock) throw new Error('tfjs has no Conv2D gradient registered');
  stockGradient = stock;
  tf.registerGradient({
    kernelName: 'Conv2D',
    inputsToSave: ['x', 'filter'],
    gradFunc: (dy, saved, attrs) => {
      const { dilations, strides, pad, dataFormat, dimRoundingMode } = attrs as unknown as tf.Conv2DAttrs;
      const dilation = pair(dilations);
      if (dilation[0] === 1 && dilation[1] === 1) return stock.gradFunc(dy, saved, attrs);
      const [x, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
      const stride = pair(strides);
      if (stride[0] !== 1 || stride[1] !== 1 || !isChannelsLast(dataFormat)) {
        return stock.gradFunc(dy, saved, attrs); // tfjs forbids stride > 1 with dilation > 1 anyway
      }
      const info = tf.backend_util.computeConv2DInfo(x.shape, filter.shape, stride, dilation, pad, dimRoundingMode);
      const dy4 = dy as tf.Tensor4D;
      return {
        x: () => dilatedInputGradient(dy4, filter, dilation, info.padInfo),
        filter: () => dilatedFilterGradient(x, dy4, filter.shape, dilation, info.padInfo),
      };
    },
  });
}
