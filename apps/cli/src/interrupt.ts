// Ctrl-C during training: the run stops after the current step (its checkpoints are on disk), the
// command says how to resume and exits 130.

/** Runs a training with a SIGINT-driven AbortSignal; undefined when it was interrupted. */
export async function trainUntilInterrupted<T extends { state: { epoch: number } }>(run: (signal: AbortSignal) => Promise<T>, resumeHint = 'rerun the same command to resume'): Promise<T | undefined> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    const trained = await run(controller.signal);
    if (!controller.signal.aborted) return trained;
    process.stderr.write(`interrupted after epoch ${trained.state.epoch}; ${resumeHint}\n`);
    process.exitCode = 130;
    return undefined;
  } finally {
    process.off('SIGINT', onSignal);
  }
}
