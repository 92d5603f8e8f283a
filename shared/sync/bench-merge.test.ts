import { expect, it } from 'vitest';
import { benchMerge } from './bench-merge';

it('the merge benchmark runs and reports its sizes (no timing assertions)', async () => {
  const r = await benchMerge({ devices: 3, changesPerDevice: 200 });
  expect(r.changes).toBe(600);
  expect(r.fields).toBeGreaterThan(0);
  expect(r.mergeMs).toBeGreaterThanOrEqual(0);
});
