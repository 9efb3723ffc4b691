// One small error hierarchy for @scnn/core. `isInstance` checks a Symbol.for marker, so it works
// across duplicated installs where `instanceof` does not.
const MARKER = Symbol.for('scnn.core.error');

export class ScnnError extends Error {
  private readonly [MARKER] = true;
  override readonly name: string = 'ScnnError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  static isInstance(error: unknown): error is ScnnError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}

/** An argument (of a layer, featurizer or function) has a value it cannot take. */
export class InvalidArgumentError extends ScnnError {
  override readonly name = 'InvalidArgumentError';
  readonly argument: string;
  readonly value: unknown;

  constructor(argument: string, value: unknown, expected: string) {
    super(`Invalid ${argument}: ${formatValue(value)} (expected ${expected})`);
    this.argument = argument;
    this.value = value;
  }

  static override isInstance(error: unknown): error is InvalidArgumentError {
    return ScnnError.isInstance(error) && error.name === 'InvalidArgumentError';
  }
}

/** A tensor reaching a layer or op has a shape it cannot take. */
export class ShapeError extends ScnnError {
  override readonly name = 'ShapeError';
  readonly argument: string;
  readonly shape: ReadonlyArray<number | null>;

  constructor(argument: string, shape: ReadonlyArray<number | null>, expected: string) {
    super(`Invalid ${argument} shape [${shape.map((d) => (d == null ? 'null' : d)).join(', ')}] (expected ${expected})`);
    this.argument = argument;
    this.shape = shape;
  }

  static override isInstance(error: unknown): error is ShapeError {
    return ScnnError.isInstance(error) && error.name === 'ShapeError';
  }
}

/** A requested TensorFlow.js backend cannot be loaded here. */
export class BackendUnavailableError extends ScnnError {
  override readonly name = 'BackendUnavailableError';
  readonly backend: string;

  constructor(backend: string, reason: string, options?: { cause?: unknown }) {
    super(`Backend "${backend}" is unavailable: ${reason}`, options);
    this.backend = backend;
  }

  static override isInstance(error: unknown): error is BackendUnavailableError {
    return ScnnError.isInstance(error) && error.name === 'BackendUnavailableError';
  }
}

/** A checkpoint file is missing, truncated or does not match the model it is loaded into. */
export class CheckpointError extends ScnnError {
  override readonly name = 'CheckpointError';
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.file = file;
  }

  static override isInstance(error: unknown): error is CheckpointError {
    return ScnnError.isInstance(error) && error.name === 'CheckpointError';
  }
}

const PARSE_MARKER = Symbol.for('scnn.core.parse-error');

/**
 * A text file (or string) that cannot be read; prints as `source:line[:column]: message (format)`.
 * Domain packages subclass it with their own name (RnaParseError, ...).
 */
export class ParseError extends ScnnError {
  private readonly [PARSE_MARKER] = true;
  override readonly name: string = 'ParseError';
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

  /** Any parse error of any scnn package. */
  static override isInstance(error: unknown): error is ParseError {
    return ScnnError.isInstance(error) && (error as unknown as Record<symbol, unknown>)[PARSE_MARKER] === true;
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
