import { defineConfig } from 'vite';

// The benchmark page is built next to the app (dist/bench beside dist/renderer) so that both are
// served from one origin and share one IndexedDB.
export default defineConfig({
  root: new URL('./page', import.meta.url).pathname,
  base: './',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: { outDir: `${process.env.BENCH_DIST ?? new URL('../../dist', import.meta.url).pathname}/bench`, emptyOutDir: true, target: 'chrome120' },
  logLevel: 'warn',
});
