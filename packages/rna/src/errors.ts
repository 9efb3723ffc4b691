// Typed errors of @scnn/rna. They extend core's ScnnError (the CLI reports them as one line, exit 2).
import { ScnnError } from '@scnn/core';

/** A record that cannot be read; prints as `source:line: message (format)`. */
export class RnaParseError extends ScnnError {
  override readonly name = 'RnaParseError';
  readonly format: string;
  /** File path, or "<string>". */
  readonly source: string;
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column (or sequence position) when known. */
  readonly column?: number;

  constructor(args: { format: string; source: string; line: number; column?: number; message: string }) {
    super(`${args.source}:${args.line}${args.column != null ? `:${args.column}` : ''}: ${args.message} (${args.format})`);
    this.format = args.format;
    this.source = args.source;
    this.line = args.line;
    this.column = args.column;
  }

  static override isInstance(error: unknown): error is RnaParseError {
    return ScnnError.isInstance(error) && error.name === 'RnaParseError';
  }
}
