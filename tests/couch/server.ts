/**
 * A CouchDB-compatible server for tests and benches: pouchdb-server (a dev dependency) started on a free
 * port of 127.0.0.1, in memory or on disk (LevelDOWN in `dir`, so `restart()` keeps the data). Plus a
 * Node `CouchTransport` over global fetch, the same shape the Electron main process provides.
 * No Docker, no network beyond the loopback.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CouchRequest, CouchResponse, CouchTransport } from '../../shared/sync/couch/types';

export type CouchServer = {
  /** Server URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  /** Stops the server (the process is killed at once, as a crash or a power cut would). */
  stop(): Promise<void>;
  /** Starts it again on the same port (with `dir`, with the same data; in memory, empty). */
  restart(): Promise<void>;
  /** Stops it and removes its working folder (config and log; `dir` is left to its owner). */
  dispose(): Promise<void>;
  /** CPU time (user + system, ms) the running server process has used so far; NaN where /proc is missing (benches). */
  cpuMs(): number;
};

export type CouchServerOptions = {
  /** Keep the databases on disk in this folder (survives `restart`); default: in memory. */
  dir?: string;
  /** Create this server admin: then wrong credentials are refused with 401. */
  admin?: { user: string; password: string };
};

const BIN = resolve(import.meta.dirname, '../../node_modules/pouchdb-server/bin/pouchdb-server');

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? done(addr.port) : fail(new Error('no port'))));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/`);
      if (r.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pouchdb-server did not answer at ${url}`);
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on every Linux the benches run on). */
const TICKS_PER_SECOND = 100;

/** User + system CPU of a process from /proc (Linux); NaN when it cannot be read. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    // The command name (2nd field) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(after[11]) + Number(after[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Starts pouchdb-server and waits until it answers. */
export async function startCouchServer(options: CouchServerOptions = {}): Promise<CouchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // pouchdb-server writes config.json and log.txt into its working folder: give it a private one.
  const work = mkdtempSync(join(tmpdir(), 'rapport-couch-'));
  let child: ChildProcess | null = null;
  const start = async () => {
    const storage = options.dir ? ['-d', options.dir] : ['--in-memory'];
    const args = [BIN, '-p', String(port), '-o', '127.0.0.1', '-n', '--no-color', '-c', join(work, 'config.json'), ...storage];
    const proc = spawn(process.execPath, args, { cwd: work, stdio: 'ignore' });
    child = proc;
    // A test process that dies without dispose() must not leave servers behind.
    const reap = () => proc.kill('SIGKILL');
    process.once('exit', reap);
    proc.once('exit', () => process.off('exit', reap));
    await waitUntilUp(url, proc);
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((done) => {
      proc.once('exit', () => done());
      proc.kill('SIGKILL');
    });
  };
  await start();
  if (options.admin) {
    const r = await fetch(`${url}/_config/admins/${encodeURIComponent(options.admin.user)}`, { method: 'PUT', body: JSON.stringify(options.admin.password) });
    if (!r.ok) throw new Error(`could not create the admin: ${r.status}`);
  }
  return {
    url,
    port,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    dispose: async () => {
      await stop();
      rmSync(work, { recursive: true, force: true });
    },
    cpuMs: () => processCpuMs((child as ChildProcess | null)?.pid),
  };
}

/** Basic auth header value, or undefined without a user. */
function authHeader(user?: string, password?: string): string | undefined {
  return user === undefined ? undefined : `Basic ${Buffer.from(`${user}:${password ?? ''}`).toString('base64')}`;
}

/**
 * A CouchTransport over global fetch to the database at `dbUrl` (e.g. `http://127.0.0.1:4000/team`).
 * An unreachable server gives status 0; a body that is not JSON (a web page) gives `{ text }`.
 */
export function fetchTransport(dbUrl: string, credentials: { user?: string; password?: string } = {}): CouchTransport {
  const base = dbUrl.replace(/\/+$/, '');
  const auth = authHeader(credentials.user, credentials.password);
  return {
    async request(req: CouchRequest): Promise<CouchResponse> {
      // No gzip on the loopback: compressing and inflating every page only burns CPU on both sides.
      const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'identity' };
      if (auth) headers.authorization = auth;
      if (req.body !== undefined) headers['content-type'] = 'application/json';
      let res: Response;
      try {
        res = await fetch(req.path ? `${base}/${req.path}` : base, {
          method: req.method,
          headers,
          ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
        });
      } catch (e) {
        return { status: 0, body: { error: 'unreachable', reason: e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e) } };
      }
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        // The connection died while the answer came (server killed mid-response).
        return { status: 0, body: { error: 'unreachable', reason: e instanceof Error ? e.message : String(e) } };
      }
      if (req.method === 'HEAD' || text === '') return { status: res.status, body: null };
      try {
        return { status: res.status, body: JSON.parse(text) as unknown };
      } catch {
        return { status: res.status, body: { text: text.slice(0, 200) } };
      }
    },
  };
}

/** Creates (or deletes) a database directly, as an administrator would. */
export async function adminRequest(url: string, method: 'PUT' | 'DELETE', path: string, admin?: { user: string; password: string }): Promise<number> {
  const auth = authHeader(admin?.user, admin?.password);
  const r = await fetch(`${url}/${path}`, { method, headers: auth ? { authorization: auth } : {} });
  await r.text();
  return r.status;
}

/** Removes a folder made for a test's on-disk server. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
