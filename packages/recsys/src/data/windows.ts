// Training windows and negative samples, as Caser/CosRec cut them: each user's training sequence is
// slid from its end in steps of one item into windows of L inputs followed by T targets; a user with
// fewer than L + T items gives one window, left-padded with the padding item.
import { InvalidArgumentError } from '@scnn/core';
import { PADDING_ITEM } from './dataset.js';

export interface TrainingWindows {
  sequenceLength: number;
  targetLength: number;
  /** Windows in the set. */
  count: number;
  /** User index of each window. */
  users: Int32Array;
  /** count × L input items. */
  inputs: Int32Array;
  /** count × T target items. */
  targets: Int32Array;
  /** Users whose training sequence was shorter than L + T (one padded window each). */
  paddedUsers: number;
  /** Users with no training items (no window). */
  emptyUsers: number;
}

function checkLength(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(name, value, 'a positive integer');
}

export function makeWindows(train: readonly Int32Array[], sequenceLength: number, targetLength: number): TrainingWindows {
  checkLength('sequenceLength', sequenceLength);
  checkLength('targetLength', targetLength);
  const size = sequenceLength + targetLength;
  let count = 0;
  for (const items of train) if (items.length > 0) count += Math.max(1, items.length - size + 1);
  const users = new Int32Array(count);
  const inputs = new Int32Array(count * sequenceLength);
  const targets = new Int32Array(count * targetLength);
  const window = new Int32Array(size);
  let w = 0;
  let paddedUsers = 0;
  let emptyUsers = 0;
  train.forEach((items, user) => {
    if (items.length === 0) return void emptyUsers++;
    const emit = () => {
      users[w] = user;
      inputs.set(window.subarray(0, sequenceLength), w * sequenceLength);
      targets.set(window.subarray(sequenceLength), w * targetLength);
      w++;
    };
    if (items.length < size) {
      paddedUsers++;
      window.fill(PADDING_ITEM);
      window.set(items, size - items.length);
      return emit();
    }
    for (let end = items.length; end >= size; end--) {
      window.set(items.subarray(end - size, end));
      emit();
    }
  });
  return { sequenceLength, targetLength, count, users, inputs, targets, paddedUsers, emptyUsers };
}

/** The last `length` items of a history, left-padded: the input CosRec scores a user's next items from. */
export function lastItems(history: Int32Array, length: number): Int32Array {
  const out = new Int32Array(length).fill(PADDING_ITEM);
  const take = history.subarray(Math.max(0, history.length - length));
  out.set(take, length - take.length);
  return out;
}

/**
 * `perWindow` negatives for each window of `windowUsers`, drawn uniformly from items 1..numItems the
 * user never interacted with in training.
 */
export function sampleNegatives(
  windowUsers: Int32Array,
  userItems: readonly Set<number>[],
  numItems: number,
  perWindow: number,
  rng: () => number,
): Int32Array {
  const out = new Int32Array(windowUsers.length * perWindow);
  for (let w = 0; w < windowUsers.length; w++) {
    const seen = userItems[windowUsers[w]!]!;
    if (seen.size >= numItems) throw new InvalidArgumentError('negatives', perWindow, `a user with an unseen item (user ${windowUsers[w]} has seen all ${numItems})`);
    for (let k = 0; k < perWindow; k++) {
      let item: number;
      do item = 1 + Math.floor(rng() * numItems);
      while (seen.has(item));
      out[w * perWindow + k] = item;
    }
  }
  return out;
}
