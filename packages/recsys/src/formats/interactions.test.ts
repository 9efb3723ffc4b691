import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from '@scnn/core';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors.js';
import { detectInteractionFormat, parseInteractions, readInteractions } from './interactions.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', '__fixtures__', name);

describe('readInteractions', () => {
  it('movielens: orders each user by time, ties by item id, skips blank lines', () => {
    const log = readInteractions(fixture('movielens-time-ties.data'));
    expect(log.format).toBe('movielens');
    expect([...log.sequences]).toEqual([
      ['1', ['11', '12', '10']],
      ['2', ['13', '10']],
    ]);
    expect(log.interactions).toBe(5);
    expect(log.blankLines).toBe(1);
  });

  it('pairs: CRLF, comments and blank lines; file order per user', () => {
    const log = readInteractions(fixture('caser-crlf.txt'));
    expect(log.format).toBe('pairs');
    expect([...log.sequences]).toEqual([
      ['1', ['5', '6', '8']],
      ['2', ['5', '7']],
    ]);
    expect(log.blankLines).toBe(2);
  });

  it('sequences: one user per line, detected from varying field counts', () => {
    const log = readInteractions(fixture('one-user-per-line.txt'));
    expect(log.format).toBe('sequences');
    expect(log.sequences.get('C')).toEqual(['z', 'x', 'y', 'w']);
    expect(log.interactions).toBe(8);
  });

  it('names file and line of a malformed field', () => {
    const file = fixture('bad-rating.data');
    expect(() => readInteractions(file)).toThrow(ParseError);
    try {
      readInteractions(file);
    } catch (error) {
      expect(ParseError.isInstance(error)).toBe(true);
      const e = error as ParseError;
      expect([e.source, e.line, e.format]).toEqual([file, 2, 'movielens']);
      expect(e.message).toBe(`${file}:2: rating "five" is not a number (movielens)`);
    }
  });

  it('rejects a line with too many fields when the format is given', () => {
    expect(() => readInteractions(fixture('extra-field.txt'), { format: 'pairs' })).toThrow(/extra-field\.txt:3: expected "user item" or "user item rating", got 4 fields/);
  });
});

describe('parseInteractions', () => {
  it('detects each format', () => {
    expect(detectInteractionFormat('1\t2\t3\t4\n2\t3\t4\t5\n')).toBe('movielens');
    expect(detectInteractionFormat('1::2::3::4\n')).toBe('movielens');
    expect(detectInteractionFormat('1 2\n1 3\n')).toBe('pairs');
    expect(detectInteractionFormat('1 2 1\n1 3 1\n')).toBe('pairs');
    expect(detectInteractionFormat('1 2 3\n2 3 4 5\n')).toBe('sequences');
  });

  it('sequences: a user with no items is an error with its line', () => {
    expect(() => parseInteractions('a 1 2\nb\n', { format: 'sequences' })).toThrow('<string>:2: user "b" has no items');
  });

  it('sequences: a repeated user is a warning, an error when strict', () => {
    const log = parseInteractions('a 1 2\na 3\n', { format: 'sequences' });
    expect(log.sequences.get('a')).toEqual(['1', '2', '3']);
    expect(log.warnings).toEqual([{ line: 2, message: expect.stringContaining('appears again') }]);
    expect(() => parseInteractions('a 1 2\na 3\n', { format: 'sequences', strict: true })).toThrow(ParseError);
  });

  it('rejects an unknown format with a typed error', () => {
    expect(() => parseInteractions('1 2\n', { format: 'csv' as never })).toThrow(InvalidArgumentError);
  });

  const root = path.resolve(import.meta.dirname, '../../../../../shared/data/recsys');
  it.skipIf(!fs.existsSync(root))('every real file parses, each in its detected format', () => {
    const summary = (file: string) => {
      const log = readInteractions(path.join(root, file));
      return [log.format, log.sequences.size, log.interactions];
    };
    expect(summary('ml-100k/u.data')).toEqual(['movielens', 943, 100000]);
    expect(summary('amazon/Beauty.txt')).toEqual(['sequences', 22363, 198502]);
    expect(summary('amazon/Toys_and_Games.txt')).toEqual(['sequences', 19412, expect.any(Number)]);
    expect(summary('amazon/Video.txt')).toEqual(['pairs', expect.any(Number), 287107]);
    expect(summary('caser-ml1m/test.txt')).toEqual(['pairs', expect.any(Number), 197526]);
    expect(summary('caser-gowalla/validation-test.txt')).toEqual(['pairs', expect.any(Number), 52455]);
  });
});
