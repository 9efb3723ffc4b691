// What the rna and protein commands share: the --model kind, and finding the model to run (--model-dir,
// else the weights the package ships).
import { PAIR_NET_KINDS, type PairNetKind, type ResidualPairNet } from '@scnn/core';
import { UsageError } from '../errors.js';

export function parsePairNetKind(value: string): PairNetKind {
  if (!PAIR_NET_KINDS.includes(value as PairNetKind)) throw new UsageError(`--model expects ${PAIR_NET_KINDS.join(' or ')}, got "${value}"`);
  return value as PairNetKind;
}

/** --model-dir, else the shipped weights of --model; `command` names the training command in the error. */
export function loadPairModel(
  options: { model: string; modelDir?: string },
  load: (dir: string) => { net: ResidualPairNet },
  shipped: (kind: PairNetKind) => string | undefined,
  command: string,
): { net: ResidualPairNet; source: string } {
  if (options.modelDir) return { net: load(options.modelDir).net, source: options.modelDir };
  const kind = parsePairNetKind(options.model);
  const dir = shipped(kind);
  if (!dir) throw new UsageError(`no shipped ${kind} weights in this install; train one with \`${command}\` and pass --model-dir`);
  return { net: load(dir).net, source: dir };
}
