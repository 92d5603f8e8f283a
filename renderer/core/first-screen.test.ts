// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The first screen is once per session: each test loads the module afresh.
async function fresh() {
  vi.resetModules();
  return import('./first-screen');
}

describe('first screen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds start-up work until the page has painted its first screen', async () => {
    const { firstScreenPainted, useFirstScreen } = await fresh();
    let started = false;
    void firstScreenPainted().then(() => (started = true));
    const page = renderHook(({ shown }) => useFirstScreen(shown), { initialProps: { shown: false } });
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toBe(false);
    page.rerender({ shown: true });
    // Not in the render that shows it: after the frame that paints it.
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toBe(true);
  });

  it('lets start-up work go after a while when the page never says', async () => {
    const { firstScreenPainted } = await fresh();
    let started = false;
    void firstScreenPainted().then(() => (started = true));
    await vi.advanceTimersByTimeAsync(2900);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(started).toBe(true);
  });
});
