// The convolution every square layer runs. Two cases are matMuls: a 1×1 kernel (pixels × channels),
// and a valid kernel that covers the whole map (k = L: the last layer of a CosRec block, 3×3 over
// 3×3), which is the flattened map times the flattened kernel. Same numbers; TensorFlow's CPU conv2d
// backprop is much slower than a matMul and its transposes on such tiny maps (packages/recsys README,
// training speed).
import * as tf from '@tensorflow/tfjs';

/** conv2d, stride 1, NHWC, of a square map with a square kernel [k, k, C, F]. */
export function squareConv2d(x: tf.Tensor4D, kernel: tf.Tensor4D, padding: 'same' | 'valid', dilationRate = 1): tf.Tensor4D {
  const [batch, height, width, channels] = x.shape;
  const [k, , , filters] = kernel.shape;
  if (k === 1) {
    // a 1×1 conv is a matMul over pixels, whatever the padding or dilation
    return tf.tidy(() => tf.reshape(tf.matMul(tf.reshape(x, [batch * height * width, channels]), tf.reshape(kernel, [channels, filters])), [batch, height, width, filters]));
  }
  if (padding === 'valid' && dilationRate === 1 && height === k && width === k) {
    return tf.tidy(() => tf.reshape(tf.matMul(tf.reshape(x, [batch, k * k * channels]), tf.reshape(kernel, [k * k * channels, filters])), [batch, 1, 1, filters]));
  }
  return tf.conv2d(x, kernel, 1, padding, 'NHWC', dilationRate);
}
