// Runs only the sync figures, from a private build folder: BENCH_SIZES=10000,100000 BENCH_PORT=4362
// npx tsx tests/bench/sync-only.ts (BENCH_DIST=../dist-mine builds into <BENCH_DIST>/bench-sync). It needs
// no demo load: the scenario writes its own n accounts into a database of its own.
import { runGroup } from './only';
import { syncFigures } from './sync';

runGroup({ folder: 'bench-sync', defaultPort: 4362, defaultSizes: '10000', figures: syncFigures }).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
