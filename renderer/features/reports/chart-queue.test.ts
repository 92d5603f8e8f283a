import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawSoon } from './chart-queue';

// Frames by hand: requestAnimationFrame collects callbacks, frame() runs them; every job "costs" 6 ms.
let pending: FrameRequestCallback[] = [];
let clock = 0;
vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => pending.push(cb));
vi.spyOn(performance, 'now').mockImplementation(() => clock);
const frame = () => {
  const run = pending;
  pending = [];
  for (const cb of run) cb(clock);
};

afterEach(() => {
  while (pending.length > 0) frame();
});

describe('chart queue', () => {
  it('draws in order, as many per frame as fit in 10 ms, at least one', () => {
    const done: number[] = [];
    for (let i = 0; i < 5; i += 1) drawSoon(() => { clock += 6; done.push(i); });
    expect(done).toEqual([]);
    frame();
    expect(done).toEqual([0, 1]);
    frame();
    expect(done).toEqual([0, 1, 2, 3]);
    frame();
    expect(done).toEqual([0, 1, 2, 3, 4]);
    expect(pending).toHaveLength(0);
    // A chart slower than the whole budget is still drawn, one per frame.
    drawSoon(() => { clock += 40; done.push(5); });
    drawSoon(() => { clock += 40; done.push(6); });
    frame();
    expect(done.slice(5)).toEqual([5]);
    frame();
    expect(done.slice(5)).toEqual([5, 6]);
  });

  it('skips a cancelled job (the chart unmounted or got newer data first)', () => {
    const done: string[] = [];
    const cancel = drawSoon(() => done.push('old'));
    drawSoon(() => done.push('new'));
    cancel();
    frame();
    expect(done).toEqual(['new']);
  });
});
