// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MoveError, type MoveProgress, type MoveResult } from '../../../shared/sync/couch/move';
import type { MovedMarker } from '../../../shared/sync/couch/types';
import { i18next, initI18n } from '../../i18n';
import { MoveToServer } from './MoveToServer';

const SERVER = 'https://couch.example.com/rapport-team';
const MARKER: MovedMarker = { format: 'rapport-sync-moved', url: SERVER, database: 'rapport-team', at: Date.UTC(2026, 11, 7, 9), by: 'dalice' };

beforeAll(async () => {
  await initI18n('de');
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('de');
});

/** A move the test drives step by step. */
function controlledMove() {
  let report: (p: MoveProgress) => void = () => undefined;
  let finish: (r: MoveResult) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const move = vi.fn((onProgress: (p: MoveProgress) => void) => {
    report = onProgress;
    return new Promise<MoveResult>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  });
  return { move, report: (p: MoveProgress) => act(() => report(p)), finish: (r: MoveResult) => act(async () => finish(r)), fail: (e: unknown) => act(async () => fail(e)) };
}

const openConfirm = () => {
  fireEvent.click(screen.getByRole('button', { name: 'Team auf den Server umziehen …' }));
  return screen.getByRole('dialog', { name: 'Team auf den Server umziehen' });
};

describe('MoveToServer', () => {
  it('waits for a server to be set up', () => {
    render(<MoveToServer move={vi.fn()} />);
    expect((screen.getByRole('button', { name: 'Team auf den Server umziehen …' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Richten Sie zuerst den Server ein/)).toBeTruthy();
  });

  it('says what happens before anything is done; cancelling does nothing', () => {
    const { move } = controlledMove();
    render(<MoveToServer serverUrl={SERVER} move={move} />);
    const dialog = openConfirm();
    expect(within(dialog).getByText(`Was beim Umzug auf ${SERVER} geschieht:`)).toBeTruthy();
    expect(within(dialog).getByText(/Feld für Feld zusammengeführt/)).toBeTruthy();
    expect(within(dialog).getByText(/offline sind, verlieren nichts/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(move).not.toHaveBeenCalled();
  });

  it('shows progress in German numbers and then the result', async () => {
    const m = controlledMove();
    render(<MoveToServer serverUrl={SERVER} move={m.move} />);
    fireEvent.click(within(openConfirm()).getByRole('button', { name: 'Jetzt umziehen' }));
    expect(m.move).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByRole('button', { name: 'Team auf den Server umziehen …' }) as HTMLButtonElement).disabled).toBe(true);
    m.report({ phase: 'push', done: 1500, total: 12000 });
    const bar = screen.getByRole('progressbar', { name: 'Daten werden an den Server gesendet (1.500 von 12.000) …' }) as HTMLProgressElement;
    // Reading the folder is the first fifth: 20 % + 75 % × 1/8.
    expect(bar.value).toBe(29);
    await m.finish({ marker: MARKER, alreadyMoved: false, changes: 12000, written: 3100, waiting: 1, quarantined: 0 });
    const result = screen.getByRole('status');
    expect(result.textContent).toContain(`Das Team ist auf den Server ${SERVER} umgezogen.`);
    expect(result.textContent).toContain('12.000 Felder wurden an den Server übertragen.');
    expect(result.textContent).toContain('1 Datei fehlte noch im Ordner');
    // Moved: the move is not offered a second time.
    expect(screen.queryByRole('button', { name: 'Team auf den Server umziehen …' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Umzug auf den Server' })).toBeTruthy();
  });

  it('on a laptop that syncs with the server the team moved to, says so and offers nothing', () => {
    const move = vi.fn();
    render(<MoveToServer serverUrl={`${SERVER}/`} move={move} moved={MARKER} settled />);
    const section = screen.getByRole('region', { name: 'Umzug auf den Server' });
    expect(within(section).getByRole('status').textContent).toBe(
      `Das Team ist auf den Server ${SERVER} umgezogen. Dieser Laptop synchronisiert über den Server; der Ordner wird nicht mehr beschrieben.`,
    );
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('says why a move failed and that nothing was moved', async () => {
    const m = controlledMove();
    render(<MoveToServer serverUrl={SERVER} move={m.move} />);
    fireEvent.click(within(openConfirm()).getByRole('button', { name: 'Jetzt umziehen' }));
    await m.fail(new MoveError('server', { code: 'couch.unauthorized', level: 'error', params: {} }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Der Server hat die Daten nicht angenommen');
    expect(alert.textContent).toContain('Benutzername oder Passwort abgelehnt');
    // It can be tried again.
    expect((screen.getByRole('button', { name: 'Team auf den Server umziehen …' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows an offline laptop the notice with its waiting edits and the way to the server settings', () => {
    const open = vi.fn();
    render(<MoveToServer move={vi.fn()} moved={MARKER} pending={2} onOpenServerSettings={open} />);
    const notice = screen.getByRole('region', { name: `Das Team ist auf den Server ${SERVER} umgezogen.` });
    expect(within(notice).getByText('2 Änderungen warten auf den Server.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Team auf den Server umziehen …' })).toBeNull();
    fireEvent.click(within(notice).getByRole('button', { name: 'Server einrichten …' }));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('lets that laptop join once its server is set up (in English)', async () => {
    await i18next.changeLanguage('en');
    const m = controlledMove();
    render(<MoveToServer serverUrl={`${SERVER}/`} move={m.move} moved={MARKER} />);
    fireEvent.click(screen.getByRole('button', { name: 'Switch to the server …' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch this laptop to the server' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Switch now' }));
    await m.finish({ marker: MARKER, alreadyMoved: true, changes: 1, written: 0, waiting: 0, quarantined: 0 });
    expect(screen.getByRole('status').textContent).toContain(`This laptop now syncs with the server ${SERVER}.1 field was sent to the server.`);
  });
});
