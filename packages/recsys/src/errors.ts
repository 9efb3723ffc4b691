// Typed errors of @scnn/recsys. They extend core's ScnnError, so the CLI reports them as user errors
// (one line, exit 2) and `isInstance` works across duplicated installs.
import { ScnnError } from '@scnn/core';

/** A line of an interaction file that cannot be read; prints as `source:line: message`. */
export class ParseError extends ScnnError {
  override readonly name = 'ParseError';
  readonly format: string;
  /** File path, or "<string>" for text parsed from memory. */
  readonly source: string;
  /** 1-based line number. */
  readonly line: number;
  readonly column?: number;

  constructor(args: { format: string; source: string; line: number; column?: number; message: string }) {
    super(`${args.source}:${args.line}${args.column != null ? `:${args.column}` : ''}: ${args.message} (${args.format})`);
    this.format = args.format;
    this.source = args.source;
    this.line = args.line;
    this.column = args.column;
  }

  static override isInstance(error: unknown): error is ParseError {
    return ScnnError.isInstance(error) && error.name === 'ParseError';
  }
}

/** A data set that parses but cannot be used as asked (no users left, split files that do not match). */
export class DatasetError extends ScnnError {
  override readonly name = 'DatasetError';

  static override isInstance(error: unknown): error is DatasetError {
    return ScnnError.isInstance(error) && error.name === 'DatasetError';
  }
}
