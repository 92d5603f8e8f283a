import { describe, expect, it, vi } from 'vitest';
import { createAppHandlers } from './app';
import { createNotifyHandlers } from './notify';
import type { InvokeEventLike } from './types';

const event: InvokeEventLike<object> = { sender: {}, senderFrame: { url: 'app://rapport/', parent: null } };

describe('app handlers', () => {
  const info = { name: 'Rapport', version: '0.1.0', shell: 'electron' as const, platform: 'win32', systemLocale: 'de-DE', dataPath: 'C:\\Users\\anna\\AppData\\Roaming\\Rapport', logPath: 'C:\\x\\rapport.log' };

  it('answers appInfo and setLanguage', async () => {
    const setLanguage = vi.fn();
    const handlers = createAppHandlers({ info: () => info, setLanguage, openExternal: vi.fn() });
    expect(await handlers.appInfo(undefined, event)).toEqual(info);
    await handlers.setLanguage('de', event);
    expect(setLanguage).toHaveBeenCalledWith('de');
  });

  it('opens https and mailto links only', async () => {
    const openExternal = vi.fn(async () => undefined);
    const handlers = createAppHandlers({ info: () => info, setLanguage: vi.fn(), openExternal });
    await handlers.openExternal('https://www.example.de/', event);
    await handlers.openExternal('mailto:anna@example.de', event);
    for (const bad of ['http://example.de', 'file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)']) {
      await expect(handlers.openExternal(bad, event)).rejects.toThrow(/ERR_URL_NOT_ALLOWED/);
    }
    expect(openExternal.mock.calls).toEqual([['https://www.example.de/'], ['mailto:anna@example.de']]);
  });
});

describe('notify handler', () => {
  const fake = () => ({ show: vi.fn(), close: vi.fn() });

  it('returns false when notifications are unsupported', async () => {
    const create = vi.fn(fake);
    const handlers = createNotifyHandlers({ isSupported: () => false, create });
    expect(await handlers.notify({ title: 'a', body: 'b' }, event)).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });

  it('shows notifications and replaces one with the same tag', async () => {
    const created: ReturnType<typeof fake>[] = [];
    const handlers = createNotifyHandlers({ isSupported: () => true, create: () => { const n = fake(); created.push(n); return n; } });
    expect(await handlers.notify({ title: 'Geburtstag', body: 'Anna Müller', tag: 'birthday' }, event)).toBe(true);
    await handlers.notify({ title: 'Geburtstag', body: 'Jörg Schäfer', tag: 'birthday' }, event);
    await handlers.notify({ title: 'Termin', body: '10:00' }, event);
    expect(created.map((n) => n.show.mock.calls.length)).toEqual([1, 1, 1]);
    expect(created[0]!.close).toHaveBeenCalledOnce();
    expect(created[1]!.close).not.toHaveBeenCalled();
  });
});
