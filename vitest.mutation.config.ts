import { defineConfig } from 'vitest/config';

/** The tests that exercise src/engine and src/select, for mutation testing (npm run mutation). */
export default defineConfig({
  test: {
    include: [
      'test/engine/**/*.test.ts',
      'test/legacy/**/*.test.ts',
      'test/graph/**/*.test.ts',
      'test/select/**/*.test.ts',
      'test/net/**/*.test.ts',
      'test/conformance/**/*.test.ts',
      'test/query/**/*.test.ts',
      'test/lint/**/*.test.ts',
      'test/cli/can.test.ts',
      'test/cli/matrix.test.ts',
    ],
    testTimeout: 60_000,
  },
});
