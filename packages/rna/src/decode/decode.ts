// One entry point for both decoders, so the decoder is a model setting like the threshold: chosen on
// validation data, stored in model.json, overridable on the command line.
import { InvalidArgumentError } from '@scnn/core';
import { type DecodeOptions, decodeGreedy } from './greedy.js';
import { decodeNested } from './nested.js';

/** 'greedy': by score, pseudoknots possible. 'nested': the best non-crossing structure (exact DP). */
export type Decoder = 'greedy' | 'nested';
export const DECODERS: readonly Decoder[] = ['greedy', 'nested'];

export interface StructureDecodeOptions extends DecodeOptions {
  /** @default 'greedy' */
  decoder?: Decoder;
}

export function decodeStructure(sequence: string, scores: ArrayLike<number>, options: StructureDecodeOptions = {}) {
  const decoder = options.decoder ?? 'greedy';
  if (!DECODERS.includes(decoder)) throw new InvalidArgumentError('decoder', decoder, DECODERS.join(' or '));
  return decoder === 'nested' ? decodeNested(sequence, scores, options) : decodeGreedy(sequence, scores, options);
}
