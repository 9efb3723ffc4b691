import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // One engine, one layer registry: never bundle TensorFlow.js.
  external: [/^@tensorflow\//],
});
