// Bundles the Electron shell: main (ESM) and the sandboxed preload (CommonJS). Everything but
// `electron` itself is bundled, so the packaged app needs no node_modules at runtime.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist-electron');
const production = process.env.NODE_ENV === 'production';

const common = {
  absWorkingDir: root,
  bundle: true,
  external: ['electron'],
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'info',
};

await rm(outdir, { recursive: true, force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: join(outdir, 'main.js'),
    platform: 'node',
    format: 'esm',
    target: 'node22',
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.cts'],
    outfile: join(outdir, 'preload.cjs'),
    // A sandboxed preload runs in a renderer with a tiny require() that knows only `electron`.
    platform: 'node',
    format: 'cjs',
    target: 'chrome140',
  }),
]);
