// Reading tfjs convolution attributes, shared by the replacement kernels and the gradient.

/** A stride or dilation given as n or [h, w], as [h, w]. */
export function pair(value: number | [number, number] | undefined): [number, number] {
  if (value == null) return [1, 1];
  return typeof value === 'number' ? [value, value] : value;
}

export function isChannelsLast(dataFormat: unknown): boolean {
  return dataFormat == null || dataFormat === 'NHWC' || dataFormat === 'channelsLast';
}
