// Typed errors of @scnn/protein: core's ParseError under this package's name (the CLI reports it as one
// line, exit 2; `ParseError.isInstance` from core matches it too).
import { ParseError } from '@scnn/core';

export class ProteinParseError extends ParseError {
  override readonly name = 'ProteinParseError';

  static override isInstance(error: unknown): error is ProteinParseError {
    return ParseError.isInstance(error) && error.name === 'ProteinParseError';
  }
}
