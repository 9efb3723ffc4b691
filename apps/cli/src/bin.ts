import { exitOnError } from './errors.js';
import { createProgram } from './program.js';

process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  exitOnError(error);
}
