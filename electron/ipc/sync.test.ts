import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC } from '../../shared/bridge/contract';
import { trustedOrigins } from '../url-policy';
import { createInvokeListener } from './register';
import { createSyncHandlers, fileSyncFolderConfig } from './sync';
import type { HandlerMap, InvokeEventLike } from './types';

type FakeSender = { id: number };
const event: InvokeEventLike<FakeSender> = { sender: { id: 1 }, senderFrame: { url: 'app://rapport/index.html', parent: null } };
const bytes = (s: string) => new TextEncoder().encode(s);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-sync-ipc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(choose: string | undefined) {
  const config = fileSyncFolderConfig(join(dir, 'sync-folder.json'));
  const handlers = createSyncHandlers<FakeSender>({ config, chooseFolder: async () => choose }) as unknown as HandlerMap<FakeSender>;
  const call = (method: keyof typeof IPC & keyof HandlerMap<FakeSender>, arg?: unknown) =>
    createInvokeListener<FakeSender, typeof event>(method, handlers, { origins: trustedOrigins() })(event, ...(arg === undefined ? [] : [arg]));
  return { call, config };
}

describe('sync folder IPC handlers', () => {
  it('refuses file access before a folder is chosen', async () => {
    const { call } = setup(undefined);
    await expect(call('syncFolderInfo')).resolves.toEqual({ canChoose: true });
    await expect(call('syncList', '')).rejects.toThrow(/ERR_SYNC_FOLDER_UNAVAILABLE/);
    await expect(call('chooseSyncFolder', 'choose')).resolves.toEqual({ canChoose: true });
  });

  it('remembers the chosen folder and reads and writes inside it only', async () => {
    const team = join(dir, 'team');
    const { call } = setup(team);
    await expect(call('chooseSyncFolder', 'choose')).resolves.toEqual({ path: team, canChoose: true });
    expect(JSON.parse(await readFile(join(dir, 'sync-folder.json'), 'utf8'))).toEqual({ folder: team });
    // The folder itself does not exist yet: unavailable, never "empty".
    await expect(call('syncList', '')).rejects.toThrow(/ERR_SYNC_FOLDER_UNAVAILABLE/);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(team);
    await call('syncWrite', { path: 'segments/anna/00000001-ab.seg', data: bytes('x') });
    await expect(call('syncList', 'segments/')).resolves.toEqual([{ path: 'segments/anna/00000001-ab.seg', size: 1, modified: expect.any(Number) }]);
    expect(new TextDecoder().decode((await call('syncRead', 'segments/anna/00000001-ab.seg')) as Uint8Array)).toBe('x');
    await expect(call('syncRead', 'state/nobody.json')).resolves.toBeNull();
    await call('syncRemove', 'segments/anna/00000001-ab.seg');
    await expect(call('syncList', '')).resolves.toEqual([]);
    await call('chooseSyncFolder', 'clear');
    await expect(call('syncFolderInfo')).resolves.toEqual({ canChoose: true });
  });

  it('refuses paths that leave the folder before touching the disk', async () => {
    const { call, config } = setup(undefined);
    await config.set(dir);
    await writeFile(join(dir, 'secret.txt'), 'geheim');
    for (const bad of ['../secret.txt', 'a/../../secret.txt', '/etc/passwd', 'a\\..\\b', 'a//b', '.']) {
      await expect(call('syncRead', bad)).rejects.toThrow(/ERR_INVALID_REQUEST/);
      await expect(call('syncWrite', { path: bad, data: bytes('x') })).rejects.toThrow(/ERR_INVALID_REQUEST/);
      await expect(call('syncRemove', bad)).rejects.toThrow(/ERR_INVALID_REQUEST/);
    }
    await expect(call('syncList', '../')).rejects.toThrow(/ERR_INVALID_REQUEST/);
    expect(await readFile(join(dir, 'secret.txt'), 'utf8')).toBe('geheim');
  });
});
