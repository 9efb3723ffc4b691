// Typed errors of @scnn/rna: core's ParseError under this package's name (the CLI reports it as one
// line, exit 2; `ParseError.isInstance` from core matches it too).
import { ParseError } from '@scnn/core';

export class RnaParseError extends ParseError {
  override readonly name = 'RnaParseError';

  static override isInstance(error: unknown): error is RnaParseError {
    return ParseError.isInstance(error) && error.name === 'RnaParseError';
  }
}
