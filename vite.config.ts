import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import optimizeLocales from '@react-aria/optimize-locales-plugin';
import { readFileSync } from 'node:fs';
import { connectOrigins, widenConnectSrc } from './build/connect-src.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The renderer is served from `app://` in Electron and from any static host in a browser,
// so every asset URL must be relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [
    react(),
    // react-aria ships its own words (calendar buttons, "ausgewählt") for ~34 locales; the app speaks two.
    optimizeLocales.vite({ locales: ['de', 'en'] }),
    {
      // The dev server injects an inline React Refresh preamble that the strict CSP would block;
      // built files (what Electron and users load) keep the CSP.
      name: 'rapport-dev-csp',
      apply: 'serve',
      transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
    },
    {
      // Browser build only: a CouchDB server named at build time may be reached (build/connect-src.ts).
      name: 'rapport-connect-src',
      apply: 'build',
      transformIndexHtml: (html) => widenConnectSrc(html, connectOrigins(process.env.RAPPORT_CONNECT_SRC)),
    },
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    // Parallel e2e runs on one machine build into their own folders (RAPPORT_OUT_DIR).
    outDir: process.env.RAPPORT_OUT_DIR ?? '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: Number(process.env.RAPPORT_PORT ?? 5173), strictPort: true },
  preview: { port: Number(process.env.RAPPORT_PORT ?? 4173), strictPort: true },
});
