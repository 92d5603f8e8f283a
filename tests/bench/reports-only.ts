// Just the report figures, without the browser scenarios: `npx tsx tests/bench/reports-only.ts`
// (BENCH_SIZES=10000,100000; large sizes need `NODE_OPTIONS=--max-old-space-size=8192`).
import { reportRows } from './reports';

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
console.log('| figure | time | baseline | baseline time | ratio |\n| --- | ---: | --- | ---: | ---: |');
for (const r of reportRows(sizes)) console.log(`| ${r.figure} | ${fmt(r.ms)} | ${r.baseline} | ${fmt(r.baseMs)} | ${(r.ms / r.baseMs).toFixed(2)}× |`);
