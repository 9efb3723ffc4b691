// How the CLI ends on an error: a user error (bad flag, bad value, unavailable backend, bad input
// file) prints one line and exits 2; anything else is a bug: one line too, exit 1, and the stack
// only with SCNN_DEBUG=1.
import fs from 'node:fs';
import { ScnnError } from '@scnn/core';
import { CommanderError } from 'commander';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function exitOnError(error: unknown): never {
  if (error instanceof CommanderError) {
    // commander already printed its message (or the help / version)
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError || ScnnError.isInstance(error)) {
    process.stderr.write(`scnn: ${message.split('\n')[0]}\n`);
    process.exit(2);
  }
  process.stderr.write(`scnn: internal error: ${message.split('\n')[0]}\n`);
  if (process.env.SCNN_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

/** Parses "64,128" into positive integers, or throws a UsageError naming the flag. */
export function parseIntegerList(flag: string, value: string): number[] {
  const items = value.split(',').map((v) => v.trim());
  const numbers = items.map(Number);
  if (items.length === 0 || numbers.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new UsageError(`${flag} expects positive integers separated by commas, got "${value}"`);
  }
  return numbers;
}

/** Parses a number flag within [min, max], or throws a UsageError naming the flag. */
export function parseNumber(flag: string, value: string, { min = -Infinity, max = Infinity, integer = false } = {}): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    const range = `${min === -Infinity ? '' : `≥ ${min}`}${min !== -Infinity && max !== Infinity ? ' and ' : ''}${max === Infinity ? '' : `≤ ${max}`}`;
    throw new UsageError(`${flag} expects ${integer ? 'an integer' : 'a number'}${range ? ` ${range}` : ''}, got "${value}"`);
  }
  return n;
}

/** `file` when it exists, else a UsageError naming the flag (or argument) it came from. */
export function fileMustExist(flag: string | undefined, file: string): string {
  if (!fs.existsSync(file)) throw new UsageError(`${flag ? `${flag}: ` : ''}no such file "${file}"`);
  return file;
}
