// Typed errors of @scnn/recsys. They extend core's errors, so the CLI reports them as user errors
// (one line, exit 2) and `isInstance` works across duplicated installs.
import { ParseError as CoreParseError, ScnnError } from '@scnn/core';

/** A line of an interaction file that cannot be read; prints as `source:line: message (format)`. */
export class ParseError extends CoreParseError {
  override readonly name = 'ParseError';
}

/** A data set that parses but cannot be used as asked (no users left, split files that do not match). */
export class DatasetError extends ScnnError {
  override readonly name = 'DatasetError';

  static override isInstance(error: unknown): error is DatasetError {
    return ScnnError.isInstance(error) && error.name === 'DatasetError';
  }
}
