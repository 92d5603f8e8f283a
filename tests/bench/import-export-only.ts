// Runs only the import/export figures, from a private build folder, so it can run while other
// benchmarks use dist/: BENCH_SIZES=10000,100000 BENCH_PORT=4352 npx tsx tests/bench/import-export-only.ts
// (BENCH_DIST=../dist-mine builds into <BENCH_DIST>/bench-import-export instead). It needs no demo load:
// the import writes the n accounts that the exports then read.
import { importExportFigures } from './import-export';
import { runGroup } from './only';

runGroup({ folder: 'bench-import-export', defaultPort: 4352, defaultSizes: '10000', args: ['--js-flags=--expose-gc'], figures: importExportFigures }).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
