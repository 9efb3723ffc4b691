// Shared vitest settings. globals stay off: tfjs's own test helpers misbehave with a global `expect`.
// Each package writes test-results.json so .ci/run can print one "N passed, N failed" line.
import { defineConfig } from 'vitest/config';

/** @param {import('vitest/config').ViteUserConfig['test']} [overrides] */
export function scnnVitestConfig(overrides = {}) {
  return defineConfig({
    test: {
      globals: false,
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      // tfjs backends are process-global; one fork at a time keeps 2 cores for the math.
      pool: 'forks',
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 120_000,
      reporters: ['default', 'json'],
      outputFile: { json: './test-results.json' },
      ...overrides,
    },
  });
}
