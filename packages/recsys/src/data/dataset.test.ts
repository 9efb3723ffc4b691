import { InvalidArgumentError } from '@scnn/core';
import { describe, expect, it } from 'vitest';
import { parseInteractions } from '../formats/interactions.js';
import { fromSplitFiles, splitByTime } from './dataset.js';
import { lastItems, makeWindows, sampleNegatives } from './windows.js';
import { createRng } from '@scnn/core';

const sequences = (lines: string[]) => parseInteractions(lines.join('\n'), { format: 'sequences' });

describe('splitByTime', () => {
  it('cuts 70 / 10 / 20 per user in time order, remaps ids with 0 as padding', () => {
    const ds = splitByTime(sequences(['u1 a b c d e f g h i j', 'u2 c d e f g', 'u3 x y']));
    expect(ds.itemIds.slice(0, 3)).toEqual(['', 'a', 'b']);
    expect(ds.numItems).toBe(12);
    expect([...ds.train[0]!].map((i) => ds.itemIds[i])).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect([...ds.validation[0]!].map((i) => ds.itemIds[i])).toEqual(['h']);
    expect([...ds.test[0]!].map((i) => ds.itemIds[i])).toEqual(['i', 'j']);
    expect([ds.train[1]!.length, ds.validation[1]!.length, ds.test[1]!.length]).toEqual([3, 1, 1]);
    // fewer than 3 items: everything is training
    expect([ds.train[2]!.length, ds.validation[2]!.length, ds.test[2]!.length]).toEqual([2, 0, 0]);
    expect(ds.summary.interactions).toEqual({ train: 12, validation: 2, test: 3 });
  });

  it('rejects fractions that leave nothing to train on', () => {
    expect(() => splitByTime(sequences(['u a b c']), { validation: 0.5, test: 0.5 })).toThrow(InvalidArgumentError);
    expect(() => splitByTime(sequences(['u a b c']), { test: 1.5 })).toThrow(InvalidArgumentError);
  });
});

describe('fromSplitFiles', () => {
  it('takes ids from training and counts held-out interactions it cannot map', () => {
    const train = parseInteractions('1 5\n1 6\n2 5\n2 7\n', { format: 'pairs' });
    const test = parseInteractions('1 7\n1 99\n3 5\n2 6\n', { format: 'pairs' });
    const ds = fromSplitFiles(train, test);
    expect(ds.userIds).toEqual(['1', '2']);
    expect([...ds.test[0]!].map((i) => ds.itemIds[i])).toEqual(['7']);
    expect([...ds.test[1]!].map((i) => ds.itemIds[i])).toEqual(['6']);
    expect(ds.summary.unknownItems).toBe(1);
    expect(ds.summary.unknownUsers).toBe(1);
    expect(ds.validation.every((v) => v.length === 0)).toBe(true);
  });
});

describe('makeWindows', () => {
  it('slides from the end in steps of one; short users get one left-padded window', () => {
    const w = makeWindows([Int32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), Int32Array.of(4, 5), new Int32Array(0)], 5, 3);
    expect(w.count).toBe(3);
    expect([...w.users]).toEqual([0, 0, 1]);
    expect([...w.inputs.subarray(0, 5)]).toEqual([2, 3, 4, 5, 6]);
    expect([...w.targets.subarray(0, 3)]).toEqual([7, 8, 9]);
    expect([...w.inputs.subarray(5, 10)]).toEqual([1, 2, 3, 4, 5]);
    expect([...w.inputs.subarray(10, 15)]).toEqual([0, 0, 0, 0, 0]);
    expect([...w.targets.subarray(6, 9)]).toEqual([0, 4, 5]);
    expect([w.paddedUsers, w.emptyUsers]).toEqual([1, 1]);
  });

  it('lastItems left-pads short histories', () => {
    expect([...lastItems(Int32Array.of(7, 8), 4)]).toEqual([0, 0, 7, 8]);
    expect([...lastItems(Int32Array.of(1, 2, 3, 4, 5, 6), 4)]).toEqual([3, 4, 5, 6]);
  });

  it('negatives never hit the user’s training items and cover the rest', () => {
    const seen = [new Set([1, 2, 3]), new Set([4])];
    const negatives = sampleNegatives(Int32Array.of(0, 1, 0, 1), seen, 6, 50, createRng(1));
    const drawn = [new Set<number>(), new Set<number>()];
    negatives.forEach((item, i) => {
      const user = [0, 1, 0, 1][Math.floor(i / 50)]!;
      expect(seen[user]!.has(item)).toBe(false);
      expect(item >= 1 && item <= 6).toBe(true);
      drawn[user]!.add(item);
    });
    expect([...drawn[0]!].sort()).toEqual([4, 5, 6]);
    expect([...drawn[1]!].sort()).toEqual([1, 2, 3, 5, 6]);
  });
});
