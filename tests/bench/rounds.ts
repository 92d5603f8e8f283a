/**
 * How often a figure is measured: `usual` (the median of several runs evens out a shared machine), or once
 * with BENCH_ONCE=1 (npm run bench:smoke, in CI: it checks that every group runs, not how fast).
 */
export function rounds(usual: number): number {
  return process.env.BENCH_ONCE === '1' ? 1 : usual;
}
