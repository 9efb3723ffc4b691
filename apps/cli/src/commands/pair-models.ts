// What the rna and protein commands share: the --model kind, and finding the model to run (--model-dir,
// else the weights the package ships).
import { PAIR_NET_KINDS, type PairNetKind, type ResidualPairNet } from '@scnn/core';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export function parsePairNetKind(value: string): PairNetKind {
  if (!PAIR_NET_KINDS.includes(value as PairNetKind)) throw new UsageError(`--model expects ${PAIR_NET_KINDS.join(' or ')}, got "${value}"`);
  return value as PairNetKind;
}

/** --model-dir, else the shipped weights of --model; `command` names the training command in the error. */
export function loadPairModel<Net extends ResidualPairNet>(
  options: { model: string; modelDir?: string },
  load: (dir: string) => { net: Net; file: { metadata: Record<string, unknown> } },
  shipped: (kind: PairNetKind) => string | undefined,
  command: string,
): { net: Net; source: string; metadata: Record<string, unknown> } {
  let dir = options.modelDir;
  if (!dir) {
    const kind = parsePairNetKind(options.model);
    dir = shipped(kind);
    if (!dir) throw new UsageError(`no shipped ${kind} weights in this install; train one with \`${command}\` and pass --model-dir`);
  }
  const { net, file } = load(dir);
  return { net, source: dir, metadata: file.metadata };
}

/** The training options the rna and protein `train` commands share. */
export function addPairTrainingOptions(command: Command): Command {
  return command
    .option('--model <kind>', 'scnn or cnn', 'scnn')
    .option('--channels <n>', 'channels of every hidden map', '24')
    .option('--epochs <n>', 'epochs', '10')
    .option('--seed <n>', 'seed', '0')
    .option('--no-resume', 'start over')
    .option('--no-progress', 'no progress bar');
}
