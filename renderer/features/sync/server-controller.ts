/**
 * Settings → Synchronisation → CouchDB-Server: choosing the target, testing the connection, saving.
 * The shell keeps URL, user and password (setCouchTarget); the app database keeps only the choice.
 */
import { type CouchUrlProblem, parseCouchUrl } from '../../../shared/bridge/couch-url';
import type { SyncProblem } from '../../../shared/sync';
import { problem } from '../../../shared/sync/problems';
import { faultOf } from '../../../shared/sync/couch';
import { getBridge } from '../../bridge';
import { setSyncTarget, type SyncTarget } from '../../db/sync/settings';
import { couchLabels } from './bridge-couch';
import { refreshSync, resetEngine, savePassphrase, syncNow, useSync } from './sync-controller';

/** What the server form holds; an empty password keeps the one the shell already keeps. */
export type ServerForm = { url: string; user: string; password: string; passphrase: string };

/** The outcome of "Verbindung testen". */
export type ConnectionCheck =
  | { kind: 'ok'; database: string }
  | { kind: 'url'; problem: CouchUrlProblem }
  /** The browser build's CSP does not list the server (docs/couchdb-setup.md). */
  | { kind: 'csp'; server: string }
  | { kind: 'problem'; problem: SyncProblem };

export async function chooseTarget(target: SyncTarget): Promise<void> {
  await setSyncTarget(target);
  resetEngine();
  useSync.setState({ target, status: undefined });
  await refreshSync();
}

/** Hands URL and login to the shell; a URL it would refuse is reported instead. */
async function keep(form: ServerForm): Promise<{ url: string; database: string } | { problem: CouchUrlProblem }> {
  const parsed = parseCouchUrl(form.url);
  if ('problem' in parsed) return parsed;
  const couch = await getBridge().setCouchTarget({ url: parsed.url, user: form.user.trim(), password: form.password });
  resetEngine();
  useSync.setState({ couch });
  return parsed;
}

/**
 * Keeps the entered server and asks it for the database once: the same answer-to-problem mapping the
 * engine uses (faultOf), so the message here is the one a sync run would log.
 */
export async function testConnection(form: ServerForm): Promise<ConnectionCheck> {
  const kept = await keep(form);
  if ('problem' in kept) return { kind: 'url', problem: kept.problem };
  const labels = couchLabels(kept.url, form.user.trim());
  const res = await getBridge().couchRequest({ method: 'GET', path: '' }).catch(() => ({ status: 0, body: null }));
  const body = res.body as { db_name?: unknown; reason?: unknown } | null;
  if (res.status === 200 && typeof body?.db_name === 'string') return { kind: 'ok', database: body.db_name };
  if (res.status === 0 && body?.reason === 'csp') return { kind: 'csp', server: labels.server };
  if (res.status >= 200 && res.status < 300) return { kind: 'problem', problem: problem('couch.notCouch', 'error', { url: labels.server }) };
  const fault = faultOf(res, labels);
  return { kind: 'problem', problem: problem(fault.code, 'error', fault.params) };
}

/** Keeps the server, makes it this laptop's target and runs a first sync (its problems go to the log). */
export async function saveServer(form: ServerForm): Promise<CouchUrlProblem | undefined> {
  const kept = await keep(form);
  if ('problem' in kept) return kept.problem;
  if (form.passphrase) await savePassphrase(form.passphrase);
  await chooseTarget('couch');
  void syncNow();
  return undefined;
}

/** Forgets server and password on this laptop; the queue stays for whichever target comes next. */
export async function forgetServer(): Promise<void> {
  const couch = await getBridge().setCouchTarget(null);
  resetEngine();
  useSync.setState({ couch, status: undefined });
}
