import { defineConfig } from 'vite';

// The benchmark page is built next to the app (dist/bench beside dist/renderer) so that both are
// served from one origin and share one IndexedDB.
export default defineConfig({
  root: new URL('./page', import.meta.url).pathname,
  base: './',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: { outDir: new URL('../../dist/bench', import.meta.url).pathname, emptyOutDir: true, target: 'chrome120' },
  logLevel: 'warn',
});
