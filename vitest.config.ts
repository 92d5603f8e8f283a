import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit tests: shared/ and electron/ run under Node; renderer tests opt into jsdom with
// `// @vitest-environment jsdom` at the top of the file.
export default defineConfig({
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['shared/**/*.test.ts', 'tests/arch/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
