// From parsed interaction logs to a data set with dense ids and per-user train / validation / test
// sequences. Item index 0 is reserved for padding (users with fewer items than a window needs are
// left-padded with it, as Caser does), so real items are 1..numItems.
import { InvalidArgumentError } from '@scnn/core';
import { DatasetError } from '../errors.js';
import type { InteractionLog } from '../formats/interactions.js';

export const PADDING_ITEM = 0;

export interface RecDataset {
  /** Dense user index → raw user id. */
  userIds: string[];
  /** Dense item index → raw item id; index 0 is the padding item ''. */
  itemIds: string[];
  /** Number of real items (indices 1..numItems). */
  numItems: number;
  /** Per user, item indices in time order. */
  train: Int32Array[];
  validation: Int32Array[];
  test: Int32Array[];
  summary: DatasetSummary;
}

export interface DatasetSummary {
  users: number;
  items: number;
  interactions: { train: number; validation: number; test: number };
  /** How the split was made. */
  split: string;
  /** Evaluation interactions dropped because their user or item never occurs in training. */
  unknownUsers: number;
  unknownItems: number;
  /** Users with no training items (cannot be scored). */
  usersWithoutTraining: number;
}

export interface TimeSplitOptions {
  /** Fraction of each user's latest interactions held out for validation. @default 0.1 */
  validation?: number;
  /** Fraction of each user's latest interactions held out for test. @default 0.2 */
  test?: number;
}

function checkFraction(name: string, value: number): void {
  if (!(value >= 0 && value < 1)) throw new InvalidArgumentError(name, value, 'a fraction in [0, 1)');
}

/**
 * Caser's per-user time split: the latest `test` fraction of each user's history (rounded, at least
 * one item when the fraction is > 0 and the user has ≥ 3 items) is test, the `validation` fraction
 * before it validation, the rest training. Defaults 70 / 10 / 20.
 */
export function splitByTime(log: InteractionLog, options: TimeSplitOptions = {}): RecDataset {
  const validationFraction = options.validation ?? 0.1;
  const testFraction = options.test ?? 0.2;
  checkFraction('validation', validationFraction);
  checkFraction('test', testFraction);
  if (validationFraction + testFraction >= 1) throw new InvalidArgumentError('validation + test', validationFraction + testFraction, 'a sum below 1');
  const itemIndex = new Map<string, number>();
  const itemIds = [''];
  const indexOf = (item: string) => {
    let index = itemIndex.get(item);
    if (index === undefined) {
      index = itemIds.length;
      itemIndex.set(item, index);
      itemIds.push(item);
    }
    return index;
  };
  const userIds: string[] = [];
  const train: Int32Array[] = [];
  const validation: Int32Array[] = [];
  const test: Int32Array[] = [];
  for (const [user, items] of log.sequences) {
    const sequence = Int32Array.from(items, indexOf);
    const n = sequence.length;
    const held = (fraction: number) => (fraction > 0 && n >= 3 ? Math.max(1, Math.round(fraction * n)) : 0);
    const nTest = held(testFraction);
    const nValidation = Math.min(held(validationFraction), n - nTest - 1);
    const nTrain = n - nTest - Math.max(0, nValidation);
    userIds.push(user);
    train.push(sequence.slice(0, nTrain));
    validation.push(sequence.slice(nTrain, nTrain + Math.max(0, nValidation)));
    test.push(sequence.slice(nTrain + Math.max(0, nValidation)));
  }
  if (userIds.length === 0) throw new DatasetError(`${log.source}: no interactions`);
  return finish(userIds, itemIds, train, validation, test, `time split per user: ${pct(1 - validationFraction - testFraction)} / ${pct(validationFraction)} / ${pct(testFraction)}`, 0, 0);
}

const pct = (f: number) => `${Math.round(f * 100)}%`;

/**
 * A data set from split files (Caser's train.txt and test.txt, optionally a validation file). Ids
 * come from the training file; evaluation interactions of users or items it never mentions are
 * dropped and counted in the summary.
 */
export function fromSplitFiles(trainLog: InteractionLog, testLog: InteractionLog, validationLog?: InteractionLog): RecDataset {
  const itemIds = [''];
  const itemIndex = new Map<string, number>();
  const userIds: string[] = [];
  const userIndex = new Map<string, number>();
  const train: Int32Array[] = [];
  for (const [user, items] of trainLog.sequences) {
    userIndex.set(user, userIds.length);
    userIds.push(user);
    train.push(
      Int32Array.from(items, (item) => {
        let index = itemIndex.get(item);
        if (index === undefined) {
          index = itemIds.length;
          itemIndex.set(item, index);
          itemIds.push(item);
        }
        return index;
      }),
    );
  }
  if (userIds.length === 0) throw new DatasetError(`${trainLog.source}: no interactions`);
  let unknownUsers = 0;
  let unknownItems = 0;
  const mapHeldOut = (log: InteractionLog | undefined) => {
    const out = userIds.map(() => [] as number[]);
    if (!log) return out.map((l) => Int32Array.from(l));
    for (const [user, items] of log.sequences) {
      const u = userIndex.get(user);
      if (u === undefined) {
        unknownUsers += items.length;
        continue;
      }
      for (const item of items) {
        const index = itemIndex.get(item);
        if (index === undefined) unknownItems++;
        else out[u]!.push(index);
      }
    }
    return out.map((l) => Int32Array.from(l));
  };
  const validation = mapHeldOut(validationLog);
  const test = mapHeldOut(testLog);
  return finish(userIds, itemIds, train, validation, test, `split files: ${trainLog.source} | ${validationLog?.source ?? '(no validation)'} | ${testLog.source}`, unknownUsers, unknownItems);
}

function finish(
  userIds: string[],
  itemIds: string[],
  train: Int32Array[],
  validation: Int32Array[],
  test: Int32Array[],
  split: string,
  unknownUsers: number,
  unknownItems: number,
): RecDataset {
  const total = (lists: Int32Array[]) => lists.reduce((s, l) => s + l.length, 0);
  return {
    userIds,
    itemIds,
    numItems: itemIds.length - 1,
    train,
    validation,
    test,
    summary: {
      users: userIds.length,
      items: itemIds.length - 1,
      interactions: { train: total(train), validation: total(validation), test: total(test) },
      split,
      unknownUsers,
      unknownItems,
      usersWithoutTraining: train.filter((t) => t.length === 0).length,
    },
  };
}
