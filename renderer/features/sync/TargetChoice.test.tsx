// @vitest-environment jsdom
/**
 * Settings → Synchronisation, "Synchronisieren über": the radio follows the click at once (the choice is
 * stored behind it, and a sync run may hold that write a while); if storing fails the radio shows the
 * stored choice again and says why. Real app database (fake-indexeddb); the shell is a small bridge.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL } from '../../../shared/bridge/contract';
import { openDb, type RapportDb, useDatabase } from '../../db/core/db';
import { getSyncTarget } from '../../db/sync/settings';
import { initI18n } from '../../i18n';
import { TargetChoice } from './ServerSection';
import { useSync } from './sync-controller';

beforeAll(async () => {
  await initI18n('de');
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = {
    syncFolderInfo: async () => ({ canChoose: true }),
    couchTargetInfo: async () => ({ url: 'https://couch.example.com/rapport-nord', user: 'anna', kept: 'session' }),
    syncRead: async () => null,
  };
});

let db: RapportDb;
beforeEach(() => {
  db = openDb(`target-choice-${crypto.randomUUID()}`);
  useDatabase(db);
  useSync.setState({ target: 'folder', status: undefined });
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('TargetChoice', () => {
  it('shows the server as chosen on the click, before the choice is stored, and stores it', async () => {
    render(<TargetChoice />);
    expect(radio('Ordner').checked).toBe(true);
    fireEvent.click(radio('CouchDB-Server'));
    // No await in between: the store has not been written yet.
    expect(radio('CouchDB-Server').checked).toBe(true);
    expect(radio('Ordner').checked).toBe(false);
    await waitFor(async () => expect(await getSyncTarget()).toBe('couch'));
    expect(radio('CouchDB-Server').checked).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('goes back to the stored choice and says why when the disk is full', async () => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.table('syncMeta').hook('creating', full);
    render(<TargetChoice />);
    fireEvent.click(radio('CouchDB-Server'));
    expect(radio('CouchDB-Server').checked).toBe(true);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Speicherplatz voll — die Einstellung wurde nicht gespeichert. Ihre Eingaben bleiben hier stehen; bitte schaffen Sie Platz und speichern Sie erneut.');
    expect(radio('Ordner').checked).toBe(true);
    expect(radio('CouchDB-Server').checked).toBe(false);
    expect(await getSyncTarget()).toBe('folder');
    // With space again the same click works, and the message goes.
    db.table('syncMeta').hook('creating').unsubscribe(full);
    await act(async () => fireEvent.click(radio('CouchDB-Server')));
    await waitFor(async () => expect(await getSyncTarget()).toBe('couch'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(radio('CouchDB-Server').checked).toBe(true);
  });
});
