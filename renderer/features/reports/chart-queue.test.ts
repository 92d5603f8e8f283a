import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawAllNow, drawSoon, drawWhenShown, nothingToDraw, watchChart } from './chart-queue';

// Frames by hand: requestAnimationFrame collects callbacks, frame() runs them; every job "costs" 6 ms.
let pending: FrameRequestCallback[] = [];
let clock = 0;
vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => pending.push(cb));
vi.spyOn(performance, 'now').mockImplementation(() => clock);
// Where boxes are, by hand: see(box, true) is the observer reporting the box in view.
let sight: IntersectionObserverCallback = () => undefined;
vi.stubGlobal('IntersectionObserver', class {
  constructor(callback: IntersectionObserverCallback) {
    sight = callback;
  }
  observe() {}
  unobserve() {}
});
const see = (target: Element, isIntersecting: boolean) => sight([{ target, isIntersecting } as IntersectionObserverEntry], {} as IntersectionObserver);
/** A chart box: only its attributes matter here. */
const box = () => {
  const attrs = new Set<string>();
  const el = { toggleAttribute: (name: string, on: boolean) => void (on ? attrs.add(name) : attrs.delete(name)) } as unknown as Element;
  return { el, state: () => (attrs.has('data-pending') ? 'pending' : attrs.has('data-deferred') ? 'deferred' : 'drawn') };
};
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

  it('draws a chart only once its box is in view; off screen it waits, marked deferred', () => {
    const done: string[] = [];
    const top = box();
    const below = box();
    const stops = [watchChart(top.el), watchChart(below.el)];
    drawWhenShown(top.el, () => done.push('top'));
    drawWhenShown(below.el, () => done.push('below'));
    // Before the observer has said where the boxes are, both wait as pending (the bench waits for them).
    expect([top.state(), below.state()]).toEqual(['pending', 'pending']);
    see(top.el, true);
    see(below.el, false);
    expect([top.state(), below.state()]).toEqual(['pending', 'deferred']);
    frame();
    expect(done).toEqual(['top']);
    expect([top.state(), below.state()]).toEqual(['drawn', 'deferred']);
    frame();
    expect(done).toEqual(['top']);
    // Scrolled into view: drawn in the next frame.
    see(below.el, true);
    expect(below.state()).toBe('pending');
    frame();
    expect(done).toEqual(['top', 'below']);
    expect(below.state()).toBe('drawn');
    // A box known to be in view is queued at once.
    drawWhenShown(top.el, () => done.push('top again'));
    frame();
    expect(done.at(-1)).toBe('top again');
    stops.forEach((stop) => stop());
  });

  it('keeps only the newest job of a box, and forgets an unmounted one', () => {
    const done: string[] = [];
    const a = box();
    const stop = watchChart(a.el);
    see(a.el, false);
    drawWhenShown(a.el, () => done.push('old'));
    drawWhenShown(a.el, () => done.push('new'));
    see(a.el, true);
    frame();
    expect(done).toEqual(['new']);
    // In view and queued, then newer data before its frame: only the newer is drawn.
    drawWhenShown(a.el, () => done.push('queued'));
    drawWhenShown(a.el, () => done.push('newer'));
    frame();
    expect(done).toEqual(['new', 'newer']);
    drawWhenShown(a.el, () => done.push('unmounted'));
    stop();
    frame();
    see(a.el, true);
    frame();
    expect(done).toEqual(['new', 'newer']);
  });

  it('draws everything waiting at once for paper, in view or not, and nothing twice', () => {
    const done: string[] = [];
    const shown = box();
    const hidden = box();
    const stops = [watchChart(shown.el), watchChart(hidden.el)];
    see(shown.el, true);
    see(hidden.el, false);
    drawWhenShown(shown.el, () => done.push('shown'));
    drawWhenShown(hidden.el, () => done.push('hidden'));
    drawAllNow();
    expect(done.sort()).toEqual(['hidden', 'shown']);
    expect([shown.state(), hidden.state()]).toEqual(['drawn', 'drawn']);
    frame();
    see(hidden.el, true);
    frame();
    expect(done).toHaveLength(2);
    // Data back to what the chart shows: the waiting job is dropped and the box counts as drawn.
    see(hidden.el, false);
    drawWhenShown(hidden.el, () => done.push('changed'));
    expect(hidden.state()).toBe('deferred');
    nothingToDraw(hidden.el);
    expect(hidden.state()).toBe('drawn');
    see(hidden.el, true);
    frame();
    expect(done).toHaveLength(2);
    stops.forEach((stop) => stop());
  });
});
