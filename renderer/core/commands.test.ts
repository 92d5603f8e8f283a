// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/bridge/contract';
import { createCommandRegistry, MENU_FALLBACKS, useMenuCommand, type CommandFallback } from './commands';
import { useRouter } from './router';

/** A registry whose fallbacks only record what they were asked, and keep every command for its page. */
function recording() {
  const fellBack: MenuCommand[] = [];
  const fallbacks = Object.fromEntries(
    MENU_COMMANDS.map((c): [MenuCommand, CommandFallback] => [
      c,
      (runOnRegister) => {
        fellBack.push(c);
        runOnRegister();
      },
    ]),
  ) as Record<MenuCommand, CommandFallback>;
  return { registry: createCommandRegistry(fallbacks), fellBack };
}

describe('menu command registry', () => {
  beforeEach(() => useRouter.getState().navigate({ page: 'today' }));

  it('has a fallback for every command of the contract and nothing else', () => {
    expect(Object.keys(MENU_FALLBACKS).sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('runs the registered handler while registered, the fallback after unregistering', () => {
    const { registry, fellBack } = recording();
    const print = vi.fn();
    const off = registry.register('print', print);
    registry.run('print');
    expect(print).toHaveBeenCalledTimes(1);
    expect(fellBack).toEqual([]);
    off();
    registry.run('print');
    expect(print).toHaveBeenCalledTimes(1);
    expect(fellBack).toEqual(['print']);
  });

  it('gives a command to its newest handler and back to the older one when the newer goes', () => {
    const { registry } = recording();
    const older = vi.fn();
    const newer = vi.fn();
    registry.register('find', older);
    const offNewer = registry.register('find', newer);
    registry.run('find');
    expect(newer).toHaveBeenCalledTimes(1);
    expect(older).not.toHaveBeenCalled();
    offNewer();
    offNewer();
    registry.run('find');
    expect(older).toHaveBeenCalledTimes(1);
  });

  it('runs a command kept by its fallback once, when its handler registers', () => {
    const { registry } = recording();
    registry.run('new-account');
    const create = vi.fn();
    registry.register('new-account', create);
    expect(create).toHaveBeenCalledTimes(1);
    // StrictMode mounts twice: the second registration does not run it again.
    registry.register('new-account', create);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('drops a kept command when a newer command comes first', () => {
    const { registry } = recording();
    registry.run('export-backup');
    registry.run('go-plan');
    const backup = vi.fn();
    registry.register('export-backup', backup);
    expect(backup).not.toHaveBeenCalled();
  });

  it("opens a command's page and runs it once the page registers (Export backup…, New account, Find)", () => {
    const registry = createCommandRegistry(MENU_FALLBACKS);
    registry.run('export-backup');
    expect(useRouter.getState().route).toEqual({ page: 'importExport' });
    const backup = vi.fn();
    registry.register('export-backup', backup);
    expect(backup).toHaveBeenCalledTimes(1);

    registry.run('find');
    expect(useRouter.getState().route).toEqual({ page: 'customers' });
  });

  it('navigates on go-… and forgets Print where no page prints', () => {
    const registry = createCommandRegistry(MENU_FALLBACKS);
    registry.run('go-reports');
    expect(useRouter.getState().route).toEqual({ page: 'reports' });
    registry.run('go-settings');
    expect(location.hash).toBe('#/settings');
    registry.run('print');
    const print = vi.fn();
    registry.register('print', print);
    expect(print).not.toHaveBeenCalled();
  });

  it('useMenuCommand registers while mounted and always calls the latest handler', () => {
    const { registry, fellBack } = recording();
    const first = vi.fn();
    const second = vi.fn();
    const hook = renderHook(({ handler }) => useMenuCommand('print', handler, registry), { initialProps: { handler: first } });
    registry.run('print');
    expect(first).toHaveBeenCalledTimes(1);
    hook.rerender({ handler: second });
    registry.run('print');
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledTimes(1);
    hook.unmount();
    registry.run('print');
    expect(fellBack).toEqual(['print']);
  });
});
