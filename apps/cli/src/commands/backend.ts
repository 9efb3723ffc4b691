import { initEngine } from '@scnn/core';
import type { Command } from 'commander';

export function registerBackendCommand(program: Command): void {
  program
    .command('backend')
    .description('print the TensorFlow.js backend in use and why (SCNN_BACKEND=tensorflow|wasm|cpu forces one)')
    .option('--json', 'print one JSON object')
    .action(async (options: { json?: boolean }) => {
      const info = await initEngine();
      if (options.json) {
        console.log(JSON.stringify(info));
        return;
      }
      console.log(`backend: ${info.backend}`);
      console.log(`why:     ${info.reason}`);
      console.log(`tfjs:    ${info.tfjsVersion}`);
      for (const attempt of info.attempts) console.log(`  ${attempt.ok ? 'ok  ' : 'fail'} ${attempt.backend}: ${attempt.detail}`);
    });
}
